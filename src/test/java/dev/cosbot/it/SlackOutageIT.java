package dev.cosbot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.cosbot.escalation.EscalationRequests;
import dev.cosbot.platform.db.EmbeddedDatabase;
import dev.cosbot.platform.outbox.SlackCall;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.slack.DeliveryMark;
import dev.cosbot.testsupport.SlackApiTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Slack faults against the packaged jar, with time compressed through settings (backoff capped at 2
 * s instead of 5 min, so a 25 s outage is as long, in retries, as 10 minutes in production): every
 * still-useful message is delivered exactly once after recovery, an expired one is recorded as
 * expired and never sent late, nothing is dead-lettered; a revoked token pauses sending (visible in
 * health and metrics) and everything goes out once it works again.
 */
class SlackOutageIT {
  private static final int PULSE_RECIPIENTS = 50;

  @Test
  void aLongOutageDeliversEveryUsefulMessageOnceAndExpiresTheRest() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
        ItSlack slack = new ItSlack()) {
      AppProcess app = new AppProcess("slack-outage", env(slack, database)).start();
      try {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Bolt checks the token once (auth.test) on its first request, before the outage.
        assertThat(slack.cos(app, "U0FOUNDER", "help").statusCode()).isEqualTo(200);
        // Slack answers 503 to everything from now on.
        StubMapping outage =
            slack.server.stubFor(
                any(urlPathMatching("/api/.*"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(503)));

        // An S1 escalation, raised through a signed modal submission: the reporter's DM and the
        // Chiefs of Staff's cards are queued.
        assertThat(
                slack
                    .signedPost(
                        app,
                        EscalationRequests.raiseSubmissionBody(
                            "U0REPORTER", "Checkout down " + run, "S1", "Payments " + run),
                        "application/x-www-form-urlencoded",
                        null)
                    .statusCode())
            .isEqualTo(200);
        // A pulse round to 50 people (useful until the round closes, after the outage) and a
        // cadence reminder whose meeting starts during the outage — as those features queue them.
        List<SlackCall> queued = new ArrayList<>();
        Instant roundCloses = Instant.now().plus(Duration.ofDays(3));
        for (int i = 0; i < PULSE_RECIPIENTS; i++) {
          queued.add(
              SlackCalls.postMessage(
                      "pulse:dm:it-" + run + ":U0P" + i, "U0P" + i, "Pulse " + run + " #" + i, null)
                  .expiringAt(roundCloses));
        }
        SlackCall reminder =
            SlackCalls.postMessage(
                    "cadence:it-" + run + ":R10:C0STANDUP",
                    "C0STANDUP",
                    "Standup in 10 minutes " + run,
                    null)
                .expiringAt(Instant.now().plusSeconds(8));
        queued.add(reminder);
        enqueue(database, queued);

        // The outage lasts long enough for many attempts of every message.
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> attempts(slack) >= 4 * (PULSE_RECIPIENTS + 1));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> status(database, reminder.key()).equals("EXPIRED"));
        // Nothing dead-lettered while the outage goes on.
        await()
            .during(Duration.ofSeconds(10))
            .atMost(Duration.ofSeconds(15))
            .until(() -> count(database, "status = 'DEAD'") == 0);
        long attemptsDuringOutage = attempts(slack);

        slack.server.removeStub(outage);
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> count(database, "status IN ('PENDING', 'SENDING')") == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);

        assertThat(count(database, "status = 'DEAD'")).as("0 dead letters").isZero();
        assertThat(status(database, reminder.key())).isEqualTo("EXPIRED");
        assertThat(lastError(database, reminder.key())).contains("not sent late");
        List<String> sentKeys = keys(database, "status = 'SENT'");
        assertThat(sentKeys)
            .as("the escalation's messages and all 50 pulse DMs")
            .hasSizeGreaterThanOrEqualTo(PULSE_RECIPIENTS + 2)
            .anyMatch(k -> k.startsWith("esc:"));
        List<String> accepted = acceptedPosts(slack);
        for (String key : sentKeys) {
          String mark = DeliveryMark.of(key);
          assertThat(accepted.stream().filter(b -> b.contains(mark)).count())
              .as("delivered exactly once: " + key)
              .isEqualTo(1);
        }
        assertThat(accepted).noneMatch(b -> b.contains("Standup in 10 minutes"));
        System.out.printf(
            "SlackOutageIT: %d attempts refused during the outage; after recovery %d messages"
                + " delivered once each, 1 expired, 0 dead%n",
            attemptsDuringOutage, sentKeys.size());
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void aRevokedTokenPausesSendingVisiblyAndEverythingGoesOutOnceItWorks() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
        ItSlack slack = new ItSlack()) {
      AppProcess app = new AppProcess("slack-invalid-auth", env(slack, database)).start();
      try {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StubMapping revoked =
            slack.server.stubFor(
                any(urlPathMatching("/api/.*"))
                    .atPriority(1)
                    .willReturn(SlackApiTestResource.slackError("invalid_auth")));
        List<SlackCall> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          queued.add(
              SlackCalls.postMessage("auth-it:" + run + ":" + i, "C0AUTH" + i, "Auth " + i, null));
        }
        enqueue(database, queued);

        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> get(app.managementUrl() + "/q/health/well").contains("invalid_auth"));
        assertThat(get(app.managementUrl() + "/q/health/well").replace(" ", ""))
            .contains("\"status\":\"DOWN\"");
        assertThat(app.managementStatus("/q/health/ready"))
            .as("readiness stays up: Slack's requests are still answered")
            .isEqualTo(200);
        assertThat(get(app.managementUrl() + "/q/metrics"))
            .contains("cosbot_slack_paused 1.0")
            .contains("# HELP cosbot_slack_paused");
        // "2 minutes" of revoked token, compressed.
        await()
            .during(Duration.ofSeconds(8))
            .atMost(Duration.ofSeconds(13))
            .until(() -> count(database, "status = 'DEAD'") == 0);

        slack.server.removeStub(revoked);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> count(database, "status = 'SENT'") == 20);
        assertThat(count(database, "status = 'DEAD'")).isZero();
        assertThat(get(app.managementUrl() + "/q/health/well")).doesNotContain("\"DOWN\"");
        assertThat(get(app.managementUrl() + "/q/metrics")).contains("cosbot_slack_paused 0.0");
        assertThat(app.log().lines().filter(l -> l.contains("sending is PAUSED")).count())
            .as("one ERROR line for the pause")
            .isEqualTo(1);
      } finally {
        app.stop();
      }
    }
  }

  private static Map<String, String> env(ItSlack slack, EmbeddedDatabase database) {
    Map<String, String> env = new HashMap<>(slack.env());
    env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
    env.put("COSBOT_ADMINS", "U0FOUNDER,U0SECOND");
    env.put("COSBOT_OUTBOX_PER_MINUTE__CHAT_POSTMESSAGE_", "60000");
    env.put("COSBOT_OUTBOX_PER_CHANNEL_PER_SECOND", "100");
    env.put("COSBOT_OUTBOX_PER_CHANNEL_BURST", "100");
    env.put("COSBOT_OUTBOX_LEASE", "PT5S");
    env.put("COSBOT_SLACK_CLIENT_INITIAL_BACKOFF", "PT0.2S");
    env.put("COSBOT_SLACK_CLIENT_MAX_BACKOFF", "PT2S");
    env.put("COSBOT_SLACK_CLIENT_AUTH_PROBE_INITIAL", "PT0.5S");
    env.put("COSBOT_SLACK_CLIENT_CALL_TIMEOUT", "PT3S");
    return env;
  }

  private static void enqueue(EmbeddedDatabase database, List<SlackCall> calls) throws Exception {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO outbox_message (idempotency_key, method, channel, payload, expires_at,"
                    + " status, attempts, next_attempt_at, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'PENDING', 0, now(), now())")) {
      c.setAutoCommit(false);
      for (SlackCall call : calls) {
        ps.setString(1, call.key());
        ps.setString(2, call.method());
        ps.setString(3, call.channel());
        ps.setString(4, call.payload().toString());
        ps.setTimestamp(5, call.expiresAt() == null ? null : Timestamp.from(call.expiresAt()));
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
  }

  private static long attempts(ItSlack slack) {
    return slack.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/chat.postMessage"))
        .count();
  }

  private static List<String> acceptedPosts(ItSlack slack) {
    return slack.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/chat.postMessage"))
        .filter(
            e -> e.getResponseDefinition() != null && e.getResponseDefinition().getStatus() == 200)
        .filter(e -> e.getResponse().getBodyAsString().contains("\"ok\":true"))
        .map(ServeEvent::getRequest)
        .map(r -> r.getBodyAsString())
        .toList();
  }

  private static String get(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      return "";
    }
  }

  private static long count(EmbeddedDatabase database, String condition) throws Exception {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM outbox_message WHERE " + condition)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> keys(EmbeddedDatabase database, String condition) throws Exception {
    List<String> keys = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT idempotency_key FROM outbox_message WHERE method = 'chat.postMessage'"
                        + " AND "
                        + condition)) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  private static String status(EmbeddedDatabase database, String key) throws Exception {
    return column(database, key, "status");
  }

  private static String lastError(EmbeddedDatabase database, String key) throws Exception {
    return column(database, key, "last_error");
  }

  private static String column(EmbeddedDatabase database, String key, String column)
      throws Exception {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT " + column + " FROM outbox_message WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? String.valueOf(rs.getString(1)) : "MISSING";
      }
    }
  }
}
