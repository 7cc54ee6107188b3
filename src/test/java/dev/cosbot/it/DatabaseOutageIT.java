package dev.cosbot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for 30 s under a running instance, then started again: the process stays up,
 * readiness goes DOWN then UP, {@code /cos} gets a fast, clear answer during the outage, events get
 * 503 (Slack retries them), and a message queued before the outage is delivered after it.
 */
class DatabaseOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final String FRIENDLY =
      "cos-bot can't reach its database right now — please try again in a minute.";

  @Test
  void theServiceRidesOutAThirtySecondDatabaseOutage() throws Exception {
    Path dataDir = Path.of("target", "it-data", "outage-" + UUID.randomUUID()).toAbsolutePath();
    Files.createDirectories(dataDir);
    int pgPort = AppProcess.freePort();
    EmbeddedPostgres postgres = startPostgres(dataDir, pgPort);
    String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    AppProcess app = null;
    try (ItSlack slack = new ItSlack()) {
      Map<String, String> env = new HashMap<>(slack.env());
      env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
      env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
      env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
      env.put("COSBOT_ADMINS", "U0FOUNDER");
      app = new AppProcess("db-outage", env).start();
      assertThat(ItSlack.text(slack.cos(app, "U0MEMBER", "help"))).contains("/cos help");

      // Queued before the outage, due during it: must be delivered once the database is back.
      String run = UUID.randomUUID().toString().substring(0, 8);
      try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
          PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO outbox_message (idempotency_key, method, channel, payload, status, attempts, next_attempt_at, created_at)"
                      + " VALUES (?, 'chat.postMessage', 'C0OUTAGE', ?, 'PENDING', 0, now() + interval '5 seconds', now())")) {
        ps.setString(1, "outage:" + run);
        ps.setString(
            2, "{\"channel\":\"C0OUTAGE\",\"text\":\"queued before the outage " + run + "\"}");
        ps.executeUpdate();
      }

      long stoppedAt = System.nanoTime();
      postgres.close();

      AppProcess running = app;
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> running.managementStatus("/q/health/ready") == 503);
      List<Long> answerMillis = new ArrayList<>();
      int events = 0;
      while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
        long start = System.nanoTime();
        HttpResponse<String> help = slack.cos(app, "U0MEMBER", "help");
        answerMillis.add((System.nanoTime() - start) / 1_000_000);
        assertThat(help.statusCode())
            .as("/cos help during the outage: %s", help.body())
            .isEqualTo(200);
        // Help needs no database (roles are cached): either it is served, or the friendly answer.
        assertThat(ItSlack.text(help))
            .satisfiesAnyOf(
                t -> assertThat(t).isEqualTo(FRIENDLY),
                t -> assertThat(t).startsWith("*Here's what you can do with cos-bot:*"));
        assertThat(help.body())
            .contains("\"response_type\":\"ephemeral\"")
            .doesNotContain("Exception");

        HttpResponse<String> event =
            slack.event(
                app,
                "EvOUT" + run + events++,
                "{\"type\":\"app_home_opened\",\"user\":\"U0MEMBER\",\"channel\":\"D0HOME\",\"tab\":\"home\",\"event_ts\":\"1.2\"}",
                null);
        assertThat(event.statusCode())
            .as("an event during the outage is refused so that Slack retries it")
            .isEqualTo(503);

        assertThat(app.managementStatus("/q/health/live"))
            .as("the process stays up")
            .isEqualTo(200);
        assertThat(app.managementStatus("/q/health/ready"))
            .as("readiness stays DOWN")
            .isEqualTo(503);
      }
      assertThat(answerMillis)
          .as("/cos answers during the outage (ms)")
          .allSatisfy(ms -> assertThat(ms).isLessThan(2800));
      assertThat(sent(slack, run)).as("nothing can be claimed without the database").isZero();

      postgres = startPostgres(dataDir, pgPort);
      long restartedAt = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> running.managementStatus("/q/health/ready") == 200);
      long readyAfterMillis = (System.nanoTime() - restartedAt) / 1_000_000;
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> sent(slack, run) >= 1);
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> ItSlack.text(slack.cos(running, "U0MEMBER", "help")).contains("/cos help"));
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(4))
          .until(() -> sent(slack, run) >= 1);
      assertThat(sent(slack, run))
          .as("the message queued before the outage is delivered once")
          .isEqualTo(1);
      System.out.printf(
          "DatabaseOutageIT: %d answers during the outage, slowest %d ms; ready again %d ms after PostgreSQL restarted%n",
          answerMillis.size(),
          answerMillis.stream().mapToLong(Long::longValue).max().orElse(0),
          readyAfterMillis);
    } finally {
      if (app != null) {
        app.stop();
      }
      postgres.close();
    }
  }

  /**
   * PostgreSQL on a fixed port and data directory, so it can be stopped and started again under the
   * app.
   */
  private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setRegisterShutdownHook(true)
        .setServerConfig("fsync", "off")
        .start();
  }

  private static long sent(ItSlack slack, String run) {
    return slack.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/chat.postMessage"))
        .filter(e -> e.getRequest().getBodyAsString().contains("queued before the outage " + run))
        .count();
  }
}
