package dev.cosbot.testsupport;

import dev.cosbot.platform.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL (embedded, no Docker) shared by every Quarkus test in the JVM; the {@link
 * FreshStart} profile gets a new, empty database in it.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
  private static final AtomicInteger FRESH = new AtomicInteger();
  private static EmbeddedDatabase database;
  private String profile;

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
  public void setContext(Context context) {
    profile = context.testProfile();
  }

  @Override
  public Map<String, String> start() {
    EmbeddedDatabase db = database();
    String url = db.jdbcUrl();
    if (FreshStart.class.getName().equals(profile)) {
      url = freshDatabase(db);
    }
    return Map.of(
        "quarkus.datasource.jdbc.url", url,
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "postgres");
  }

  private static String freshDatabase(EmbeddedDatabase db) {
    String name = "fresh_" + ProcessHandle.current().pid() + "_" + FRESH.incrementAndGet();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    return "jdbc:postgresql://localhost:" + db.port() + "/" + name;
  }

  @Override
  public void stop() {
    // Kept for the next Quarkus boot in this JVM; zonky's shutdown hook stops it at exit.
  }
}
