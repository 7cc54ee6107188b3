package dev.cosbot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cosbot.platform.db.EmbeddedDatabase;
import dev.cosbot.testsupport.SlackApiTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL in the middle of a 1,000-message fan-out, then a restart: every message reaches Slack
 * exactly once. The database belongs to the test, so it outlives the killed process, as an external
 * PostgreSQL does in production. Slack answers each post after 25 ms, so calls are in flight when
 * the process dies; those are the ones the restarted instance must reconcile instead of re-sending.
 */
class KillDuringFanOutIT {
  private static final int MESSAGES = 1000;

  @Test
  void everyMessageOfAFanOutIsDeliveredExactlyOnceAcrossASigkill() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
        ItSlack slack = new ItSlack()) {
      slack.server.stubFor(
          post(urlPathEqualTo("/api/chat.postMessage"))
              .atPriority(5)
              .willReturn(
                  SlackApiTestResource.okJson(
                          "{\"ok\":true,\"channel\":\"{{jsonPath request.body '$.channel'}}\","
                              + "\"ts\":\"{{now epoch}}.{{randomValue length=6 type='NUMERIC'}}\"}")
                      .withFixedDelay(25)));
      Map<String, String> env = new HashMap<>(slack.env());
      env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
      env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
      env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
      env.put("COSBOT_ADMINS", "U0FOUNDER");
      env.putAll(fastOutbox());

      AppProcess first = new AppProcess("kill-fanout-1", env).start();
      String run = UUID.randomUUID().toString().substring(0, 8);
      enqueueFanOut(database, run);

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> sent(slack, run).size() >= MESSAGES / 3);
      first.kill();
      int beforeKill = sent(slack, run).size();
      assertThat(beforeKill).as("killed in the middle of the fan-out").isBetween(1, MESSAGES - 1);
      long inFlight = count(database, run, "status = 'SENDING'");

      AppProcess second = new AppProcess("kill-fanout-2", env).start();
      try {
        await()
            .atMost(Duration.ofSeconds(40))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> count(database, run, "status = 'SENT'") == MESSAGES);
        // Give a late duplicate time to arrive before counting.
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(6))
            .until(() -> sent(slack, run).size() >= MESSAGES);

        List<String> sent = sent(slack, run);
        Map<String, Long> perMessage =
            sent.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perMessage).as("every message delivered").hasSize(MESSAGES);
        assertThat(perMessage)
            .as("no message delivered twice")
            .allSatisfy((n, times) -> assertThat(times).as("#" + n).isEqualTo(1));
        assertThat(count(database, run, "status = 'DEAD'")).isZero();
        System.out.printf(
            "KillDuringFanOutIT: %d of %d delivered before SIGKILL, %d rows claimed at the kill%n",
            beforeKill, MESSAGES, inFlight);
      } finally {
        second.stop();
      }
    }
  }

  /**
   * Pacing wide open (the fan-out takes seconds, not minutes) and a short lease (a dead claim
   * lapses fast).
   */
  private static Map<String, String> fastOutbox() {
    return Map.of(
        "COSBOT_OUTBOX_PER_MINUTE__CHAT_POSTMESSAGE_", "60000",
        "COSBOT_OUTBOX_PER_CHANNEL_PER_SECOND", "100",
        "COSBOT_OUTBOX_PER_CHANNEL_BURST", "100",
        "COSBOT_OUTBOX_LEASE", "PT3S",
        "COSBOT_SLACK_CLIENT_INITIAL_BACKOFF", "PT0.2S",
        "COSBOT_SLACK_CLIENT_CALL_TIMEOUT", "PT3S");
  }

  /** 1,000 rows as a feature's fan-out writes them: one transaction, 50 channels. */
  private static void enqueueFanOut(EmbeddedDatabase database, String run) throws Exception {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO outbox_message (idempotency_key, method, channel, payload, status, attempts, next_attempt_at, created_at)"
                    + " VALUES (?, 'chat.postMessage', ?, ?, 'PENDING', 0, now(), now())")) {
      c.setAutoCommit(false);
      for (int i = 0; i < MESSAGES; i++) {
        String key = "fanout:" + run + ":" + i;
        String channel = "C0FAN" + (i % 50);
        ps.setString(1, key);
        ps.setString(2, channel);
        ps.setString(
            3,
            dev.cosbot.platform.outbox.SlackCalls.postMessage(
                    key, channel, "fan " + run + " #" + i + "#", null)
                .payload()
                .toString());
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
  }

  /**
   * Message numbers Slack accepted (the request reached it with a success answer chosen), one entry
   * per post.
   */
  private static List<String> sent(ItSlack slack, String run) {
    Pattern p = Pattern.compile("fan " + run + " #(\\d+)#");
    return slack.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/chat.postMessage"))
        .filter(
            e -> e.getResponseDefinition() != null && e.getResponseDefinition().getStatus() == 200)
        .map(ServeEvent::getRequest)
        .map(r -> p.matcher(r.getBodyAsString()))
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }

  private static long count(EmbeddedDatabase database, String run, String condition)
      throws Exception {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM outbox_message WHERE idempotency_key LIKE 'fanout:"
                        + run
                        + ":%' AND "
                        + condition)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
