package dev.cosbot.platform.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Fault suite, Web API side: whatever Slack does, nothing is lost, nothing is sent twice. */
@QuarkusTest
class SlackFaultsTest extends SlackTestBase {
  @Inject Outbox outbox;
  @Inject dev.cosbot.platform.slack.SlackAuthGate gate;
  @Inject @io.smallrye.health.api.Wellness dev.cosbot.platform.slack.SlackHealthCheck health;
  @Inject io.micrometer.core.instrument.MeterRegistry registry;

  @Test
  void aTimeoutAfterSlackAcceptedIsNotSentTwice() throws Exception {
    String marker = "slow-" + UUID.randomUUID();
    // Slack posts the message but answers after the client's 2 s call timeout.
    SlackApiTestResource.answer(
        slack,
        "chat.postMessage",
        marker,
        SlackApiTestResource.posted("C0SLOW", "1700000000.000001").withFixedDelay(3000));

    outbox.send(SlackCalls.postMessage("fault:" + marker, "C0SLOW", "Slow " + marker, null));

    await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status("fault:" + marker)));
    // Slack received the message exactly once, also after its late answer.
    holdsFor(Duration.ofMillis(3500), () -> posts(marker).size() == 1);
    assertThat(
            slack.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/api/conversations.history"))
                .filter(e -> e.getRequest().getBodyAsString().contains("channel=C0SLOW")))
        .as("the dispatcher asked Slack before re-sending")
        .isNotEmpty();
  }

  @Test
  void aConnectionResetIsRetriedAndDeliveredOnce() throws Exception {
    String marker = "reset-" + UUID.randomUUID();
    SlackApiTestResource.answerInTurn(
        slack,
        "chat.postMessage",
        marker,
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        SlackApiTestResource.posted("C0RESET", "1700000000.000002"));

    outbox.send(SlackCalls.postMessage("fault:" + marker, "C0RESET", "Reset " + marker, null));

    await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(status("fault:" + marker)));
    assertThat(posts(marker)).hasSize(2);
    assertThat(
            posts(marker).stream()
                .filter(e -> e.getResponseDefinition().getFault() == null)
                .count())
        .as("one reset, then one accepted")
        .isEqualTo(1);
  }

  @Test
  void aBurstOf429sDelaysButLosesNothing() throws Exception {
    String marker = "burst-" + UUID.randomUUID();
    SlackApiTestResource.answerInTurn(
        slack,
        "chat.postMessage",
        marker,
        SlackApiTestResource.rateLimited(1),
        SlackApiTestResource.rateLimited(1),
        SlackApiTestResource.rateLimited(1),
        SlackApiTestResource.rateLimited(1),
        SlackApiTestResource.posted("C0BURST", "1700000000.000003"));

    IntStream.range(0, 10)
        .forEach(
            i ->
                outbox.send(
                    SlackCalls.postMessage(
                        "fault:" + marker + ":" + i,
                        "U0BURST" + i,
                        "Burst " + marker + " #" + i + "#",
                        null)));

    await().atMost(Duration.ofSeconds(30)).until(() -> delivered(marker) == 10);
    List<String> accepted =
        posts(marker).stream()
            .filter(e -> e.getResponse().getStatus() == 200)
            .map(e -> e.getRequest().getBodyAsString().replaceAll(".*#(\\d+)#.*", "$1"))
            .toList();
    assertThat(accepted).hasSize(10).doesNotHaveDuplicates();
    // Four 429s in a row were served; requests racing in the same scenario state may each get one,
    // so the count is at least four. What matters: every message once, none lost.
    assertThat(posts(marker).stream().filter(e -> e.getResponse().getStatus() == 429).count())
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void ratelimitedInTheBodyIsRetried() throws Exception {
    String marker = "body429-" + UUID.randomUUID();
    SlackApiTestResource.answerInTurn(
        slack,
        "chat.postMessage",
        marker,
        SlackApiTestResource.slackError("ratelimited"),
        SlackApiTestResource.posted("C0RL", "1700000000.000004"));
    outbox.send(SlackCalls.postMessage("fault:" + marker, "C0RL", "Body " + marker, null));
    await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(status("fault:" + marker)));
    assertThat(posts(marker)).hasSize(2);
  }

  @Test
  void invalidAuthPausesSendingAndNothingIsDeadLettered() throws Exception {
    String marker = "auth-" + UUID.randomUUID();
    SlackApiTestResource.answer(
        slack, "chat.postMessage", marker, SlackApiTestResource.slackError("invalid_auth"));
    slack.stubFor(
        post(urlPathEqualTo("/api/auth.test"))
            .atPriority(1)
            .willReturn(SlackApiTestResource.slackError("invalid_auth")));
    outbox.send(SlackCalls.postMessage("fault:" + marker + ":1", "C0AUTH", "Auth " + marker, null));
    outbox.send(SlackCalls.postMessage("fault:" + marker + ":2", "C0AUTH", "Auth " + marker, null));

    try {
      whilePaused(marker);
    } finally {
      // The token works again (a new one was installed): everything goes out by itself.
      SlackApiTestResource.resetToDefaults(slack);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> delivered(marker) == 2);
    assertThat(gate.paused()).isFalse();
    assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE status = 'DEAD' AND idempotency_key LIKE 'fault:"
                    + marker
                    + "%'"))
        .isZero();
  }

  private void whilePaused(String marker) throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> gate.paused());
    assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(health.call().getData().orElseThrow().get("reason").toString())
        .contains("invalid_auth");
    assertThat(registry.get("cosbot_slack_paused").gauge().value()).isEqualTo(1.0);
    // While paused the probe keeps asking auth.test, and nothing dies.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> deadOrSent(marker) == 0);
    // At most one attempt per worker raced the pause; after it, nothing is sent.
    assertThat(posts(marker)).as("nothing is hammered while paused").hasSizeLessThanOrEqualTo(4);
    assertThat(
            slack.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/api/auth.test")))
        .as("auth.test probed")
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void persistentServerErrorsNeverKillAYoungMessage() throws Exception {
    String marker = "down-" + UUID.randomUUID();
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(marker))
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));
    outbox.send(SlackCalls.postMessage("fault:" + marker, "C0DOWN", "Down " + marker, null));
    // Far more attempts than the old budget of 5, with capped backoff: still waiting, not dead.
    await().atMost(Duration.ofSeconds(40)).until(() -> posts(marker).size() >= 8);
    assertThat(status("fault:" + marker)).isIn("PENDING", "SENDING");
    SlackApiTestResource.resetToDefaults(slack);
    await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(status("fault:" + marker)));
    assertThat(posts(marker).stream().filter(e -> e.getResponse().getStatus() == 200).count())
        .as("delivered exactly once after Slack recovered")
        .isEqualTo(1);
  }

  @Test
  void aLongOutageIsLoggedByItsBeginningAndEndNotPerRetry() throws Exception {
    String marker = "noise-" + UUID.randomUUID();
    List<java.util.logging.LogRecord> records =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            if (record.getLoggerName() != null
                && record.getLoggerName().startsWith("dev.cosbot.platform")) {
              records.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    org.jboss.logmanager.Logger.getLogger("").addHandler(capture);
    try {
      slack.stubFor(
          post(urlPathEqualTo("/api/chat.postMessage"))
              .withRequestBody(containing(marker))
              .atPriority(1)
              .willReturn(aResponse().withStatus(503)));
      for (int i = 0; i < 3; i++) {
        outbox.send(
            SlackCalls.postMessage(
                "fault:" + marker + ":" + i, "C0NOISE", "Noise " + marker, null));
      }
      await().atMost(Duration.ofSeconds(40)).until(() -> posts(marker).size() >= 15);
      SlackApiTestResource.resetToDefaults(slack);
      await().atMost(Duration.ofSeconds(20)).until(() -> delivered(marker) == 3);
    } finally {
      org.jboss.logmanager.Logger.getLogger("").removeHandler(capture);
    }
    List<String> loud =
        records.stream()
            .filter(r -> r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
            .map(
                r ->
                    r instanceof org.jboss.logmanager.ExtLogRecord e
                        ? e.getFormattedMessage()
                        : r.getMessage())
            .toList();
    assertThat(loud)
        .as(
            "15+ failed attempts of 3 messages: at most the outage's first line, never one per retry")
        .hasSizeLessThanOrEqualTo(1)
        .allMatch(l -> l.contains("began"));
    assertThat(
            records.stream()
                .map(
                    r ->
                        r instanceof org.jboss.logmanager.ExtLogRecord e
                            ? e.getFormattedMessage()
                            : r.getMessage())
                .filter(l -> l.contains("Slack outage (calls failing) ended"))
                .toList())
        .as("the end of the outage, with its counts")
        .hasSize(1)
        .allMatch(l -> l.contains("attempts failed"));
  }

  @Test
  void aMessageThatStopsBeingUsefulIsExpiredNeverSentLate() throws Exception {
    String marker = "expiry-" + UUID.randomUUID();
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(marker))
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));
    outbox.send(
        SlackCalls.postMessage("fault:" + marker, "C0LATE", "Reminder " + marker, null)
            .expiringAt(java.time.Instant.now().plusSeconds(3)));
    await().atMost(Duration.ofSeconds(15)).until(() -> "EXPIRED".equals(status("fault:" + marker)));
    SlackApiTestResource.resetToDefaults(slack);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> "EXPIRED".equals(status("fault:" + marker)));
    assertThat(posts(marker).stream().filter(e -> e.getResponse().getStatus() == 200))
        .as("never sent late")
        .isEmpty();
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE idempotency_key = 'fault:"
                    + marker
                    + "' AND last_error LIKE '%not sent late%'"))
        .isEqualTo(1);
    assertThat(registry.get("cosbot_outbox_expired_total").counter().count()).isPositive();
  }

  private long deadOrSent(String marker) throws Exception {
    return scalar(
        "SELECT count(*) FROM outbox_message WHERE idempotency_key LIKE 'fault:"
            + marker
            + ":%' AND status IN ('DEAD', 'SENT')");
  }

  private List<ServeEvent> posts(String marker) {
    return served("chat.postMessage", marker);
  }

  private long delivered(String marker) throws Exception {
    return scalar(
        "SELECT count(*) FROM outbox_message WHERE idempotency_key LIKE 'fault:"
            + marker
            + ":%' AND status = 'SENT'");
  }

  private String status(String key) throws Exception {
    return outboxStatus(key);
  }
}
