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
import dev.cosbot.testsupport.SlackRequests;
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
        // A user group of 50 people Slack knows: the pulse round's audience.
        String group = "S0OUTAGE";
        List<String> people = new ArrayList<>();
        for (int i = 0; i < PULSE_RECIPIENTS; i++) {
          // Fixed width, so no id is a prefix of another (stubs match on "user=<id>").
          people.add(
              "U0P"
                  + run.toUpperCase(java.util.Locale.ROOT).substring(0, 4)
                  + String.format(java.util.Locale.ROOT, "%03d", i));
        }
        slack.server.stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                        "/api/usergroups.users.list"))
                .atPriority(5)
                .willReturn(
                    SlackApiTestResource.okJson(
                        "{\"ok\":true,\"users\":[\"" + String.join("\",\"", people) + "\"]}")));
        for (String person : people) {
          SlackApiTestResource.knowsUser(slack.server, person, person, "Person " + person, "UTC");
        }
        // Slack starts failing: first every write (chat.*, conversations.open), so the features
        // can still read the audience and the people they queue messages for...
        StubMapping writesDown =
            slack.server.stubFor(
                any(urlPathMatching("/api/(chat\\..*|conversations\\.open)"))
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
        // A pulse round to the 50 people, created through the signed new-survey form and opened
        // now: the pulse feature queues one invitation each, useful until the round closes.
        assertThat(
                slack
                    .signedPost(
                        app,
                        SlackRequests.form(
                            "payload",
                            SlackRequests.viewSubmission(
                                "U0FOUNDER",
                                dev.cosbot.pulse.PulseIds.NEW_SURVEY_VIEW,
                                "",
                                newSurveyValues("Outage pulse " + run, group))),
                        "application/x-www-form-urlencoded",
                        null)
                    .statusCode())
            .isEqualTo(200);
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> count(database, "idempotency_key LIKE 'pulse:dm:%'") == PULSE_RECIPIENTS);
        // ...then everything, reads included, for the rest of the outage.
        StubMapping outage =
            slack.server.stubFor(
                any(urlPathMatching("/api/.*"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(503)));
        slack.server.removeStub(writesDown);
        // A cadence reminder whose meeting starts during the outage, as the cadence feature
        // queues it (useful until the event starts).
        List<SlackCall> queued = new ArrayList<>();
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
        assertThat(sentKeys.stream().filter(k -> k.startsWith("pulse:dm:")))
            .as("every pulse invitation")
            .hasSize(PULSE_RECIPIENTS);
        assertThat(app.log().lines().filter(l -> l.contains("Slack outage (calls failing) began")))
            .as("the outage is logged once when it begins, not per retry")
            .hasSize(1);
        assertThat(app.log().lines().filter(l -> l.contains("Slack outage (calls failing) ended")))
            .as("and once when it ends, with its counts")
            .hasSize(1);
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

  @Test
  void garbageFromAuthTestAtStartPausesInsteadOfFailingAndItResumesByItself() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
        ItSlack slack = new ItSlack()) {
      // Bolt asks auth.test when the app is built at start; Slack answers an HTML error page.
      StubMapping garbage =
          slack.server.stubFor(
              com.github.tomakehurst.wiremock.client.WireMock.post(
                      com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                          "/api/auth.test"))
                  .atPriority(1)
                  .willReturn(
                      aResponse()
                          .withStatus(200)
                          .withHeader("Content-Type", "text/html")
                          .withBody("<html><body>Bad gateway, try later</body></html>")));
      AppProcess app = new AppProcess("slack-auth-garbage", env(slack, database)).start();
      try {
        assertThat(app.managementStatus("/q/health/ready"))
            .as("the bot started and is ready")
            .isEqualTo(200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<SlackCall> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          queued.add(
              SlackCalls.postMessage("garbage-it:" + run + ":" + i, "C0G" + i, "Held " + i, null));
        }
        enqueue(database, queued);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> get(app.managementUrl() + "/q/health/well").contains("auth.test"));
        assertThat(get(app.managementUrl() + "/q/health/well").replace(" ", ""))
            .contains("\"status\":\"DOWN\"")
            .contains("Slackdidnotconfirmthebottoken");
        assertThat(get(app.managementUrl() + "/q/metrics")).contains("cosbot_slack_paused 1.0");
        Thread.sleep(3_000);
        assertThat(count(database, "status = 'SENT'")).as("sending is paused").isZero();
        assertThat(count(database, "status = 'DEAD'")).isZero();
        long probes =
            slack.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/api/auth.test"))
                .count();
        assertThat(probes).as("auth.test probed again with back-off").isGreaterThanOrEqualTo(2);

        slack.server.removeStub(garbage);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> count(database, "status = 'SENT'") == queued.size());
        assertThat(get(app.managementUrl() + "/q/health/well")).doesNotContain("\"DOWN\"");
        assertThat(get(app.managementUrl() + "/q/metrics")).contains("cosbot_slack_paused 0.0");
        // Slack's requests are served again: the Bolt app was built once the token was confirmed.
        assertThat(slack.cos(app, "U0FOUNDER", "help").statusCode()).isEqualTo(200);
        assertThat(
                app.log()
                    .lines()
                    .filter(l -> l.contains("SlackAuthGate") && l.contains("did not confirm"))
                    .count())
            .as("one WARN line for the pause, none per probe")
            .isEqualTo(1);
        assertThat(app.log()).doesNotContain("sending is PAUSED, nothing is dropped. Messages");
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
    env.put("COSBOT_PULSE_BALLOT_SECRET", "it-pulse-ballot-secret-0123456789");
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

  /** The new-survey form as Slack submits it: eNPS, a user group, anonymous (k = 5), open now. */
  private static String newSurveyValues(String title, String usergroup) {
    return "{"
        + "\"pulse_title\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(title)
        + "}},"
        + "\"pulse_template\":{\"value\":{\"type\":\"static_select\",\"selected_option\":"
        + "{\"text\":{\"type\":\"plain_text\",\"text\":\"t\"},\"value\":\"enps\"}}},"
        + "\"pulse_channel\":{\"value\":{\"type\":\"conversations_select\",\"selected_conversation\":null}},"
        + "\"pulse_usergroup\":{\""
        + dev.cosbot.pulse.PulseIds.GROUP_PICKER
        + "\":{\"type\":\"external_select\",\"selected_option\":"
        + "{\"text\":{\"type\":\"plain_text\",\"text\":\"@group\"},\"value\":"
        + SlackRequests.jsonString(usergroup)
        + "}}},"
        + "\"pulse_people\":{\"value\":{\"type\":\"multi_users_select\",\"selected_users\":[]}},"
        + "\"pulse_anonymity\":{\"value\":{\"type\":\"radio_buttons\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"a\"},\"value\":\"anonymous\"}}},"
        + "\"pulse_schedule\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"now\"},\"value\":\"now\"}}},"
        + "\"pulse_start_date\":{\"value\":{\"type\":\"datepicker\",\"selected_date\":null}},"
        + "\"pulse_start_time\":{\"value\":{\"type\":\"timepicker\",\"selected_time\":null}},"
        + "\"pulse_open_for\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"3\"},\"value\":\"3\"}}},"
        + "\"pulse_min_answers\":{\"value\":{\"type\":\"number_input\",\"value\":\"5\"}}"
        + "}";
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

  /**
   * Delivery attempts that reached Slack: posts, and the checks of whether an interrupted post
   * arrived after all (a message whose post may have reached Slack is looked up before it is sent
   * again; while Slack fails, that lookup is the attempt).
   */
  private static long attempts(ItSlack slack) {
    return slack.server.getAllServeEvents().stream()
        .map(e -> e.getRequest().getUrl())
        .filter(
            u ->
                u.endsWith("/api/chat.postMessage")
                    || u.endsWith("/api/conversations.open")
                    || u.endsWith("/api/conversations.history")
                    || u.endsWith("/api/conversations.replies"))
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
