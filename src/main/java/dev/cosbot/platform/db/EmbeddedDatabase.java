package dev.cosbot.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs a real PostgreSQL from the application's own data directory when no external database is
 * configured, so the bot runs with one command and keeps its data across restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final Path dataDir;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /** Starts PostgreSQL with its files under {@code dataDir/postgres}; reuses existing data. */
  public static EmbeddedDatabase start(Path dataDir) throws IOException {
    Path pgDir = dataDir.resolve("postgres").toAbsolutePath().normalize();
    Files.createDirectories(pgDir);
    stopOrphanedServer(pgDir);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgDir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "100")
            .start();
    return new EmbeddedDatabase(pg, pgDir);
  }

  /** A throwaway PostgreSQL in a temporary directory (tests and benchmarks). */
  public static EmbeddedDatabase startEphemeral() throws IOException {
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setCleanDataDirectory(true)
            .setRegisterShutdownHook(true)
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "off")
            .start();
    return new EmbeddedDatabase(pg, null);
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public int port() {
    return postgres.getPort();
  }

  public Optional<Path> dataDir() {
    return Optional.ofNullable(dataDir);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
    }
  }

  /**
   * After a hard kill the server started by the previous run can still hold the data directory (its
   * postmaster.pid blocks the next start). Stop it first so a restart just works.
   */
  private static void stopOrphanedServer(Path pgDir) throws IOException {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      Files.deleteIfExists(pidFile);
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      Files.deleteIfExists(pidFile);
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    boolean isPostgres =
        process.flatMap(p -> p.info().command()).map(c -> c.contains("postgres")).orElse(false);
    if (process.isPresent() && process.get().isAlive() && isPostgres) {
      LOG.warnf("Stopping PostgreSQL (pid %d) left running by a previous run of cos-bot", pid);
      process.get().destroy();
      try {
        process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        process.get().destroyForcibly();
      }
    } else {
      Files.deleteIfExists(pidFile);
    }
  }
}
