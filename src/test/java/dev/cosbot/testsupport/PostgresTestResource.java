package dev.cosbot.testsupport;

import dev.cosbot.platform.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real PostgreSQL (embedded, no Docker) shared by every Quarkus test in the JVM. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
  private static EmbeddedDatabase database;

  public static synchronized EmbeddedDatabase database() {
    if (database == null) {
      try {
        database = EmbeddedDatabase.startEphemeral();
      } catch (Exception e) {
        throw new IllegalStateException("Embedded PostgreSQL did not start", e);
      }
    }
    return database;
  }

  @Override
  public Map<String, String> start() {
    EmbeddedDatabase db = database();
    return Map.of(
        "quarkus.datasource.jdbc.url", db.jdbcUrl(),
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "postgres");
  }

  @Override
  public void stop() {
    // Kept for the next Quarkus boot in this JVM; zonky's shutdown hook stops it at exit.
  }
}
