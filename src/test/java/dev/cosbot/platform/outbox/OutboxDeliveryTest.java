package dev.cosbot.platform.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Delivery guarantees of the outbox against a misbehaving Slack. */
@QuarkusTest
class OutboxDeliveryTest extends SlackTestBase {
  @Inject Outbox outbox;

  @Test
  void twoServerErrorsThenA429ThenOkDeliversExactlyOnceAfterRetryAfter() throws Exception {
    String marker = "retry-" + UUID.randomUUID();
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(marker))
            .atPriority(1)
            .inScenario(marker)
            .whenScenarioStateIs(STARTED)
            .willReturn(serverError())
            .willSetStateTo("one"));
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(marker))
            .atPriority(1)
            .inScenario(marker)
            .whenScenarioStateIs("one")
            .willReturn(WireMock.aResponse().withStatus(503))
            .willSetStateTo("two"));
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(marker))
            .atPriority(1)
            .inScenario(marker)
            .whenScenarioStateIs("two")
            .willReturn(
                WireMock.aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "2")
                    .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
            .willSetStateTo("three"));
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(marker))
            .atPriority(1)
            .inScenario(marker)
            .whenScenarioStateIs("three")
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"channel\":\"C0OPS\",\"ts\":\"1700000000.424242\"}")));

    outbox.send(SlackCalls.postMessage("test:" + marker, "C0OPS", "Hello " + marker, null));

    await().atMost(Duration.ofSeconds(20)).until(() -> status("test:" + marker).equals("SENT"));
    List<ServeEvent> attempts = attempts(marker);
    assertThat(attempts).hasSize(4);
    assertThat(attempts.stream().map(e -> e.getResponse().getStatus()).toList())
        .containsExactly(500, 503, 429, 200);
    long afterRateLimit =
        attempts.get(3).getRequest().getLoggedDate().getTime()
            - attempts.get(2).getRequest().getLoggedDate().getTime();
    assertThat(afterRateLimit)
        .as("ms between the 429 and the next attempt")
        .isGreaterThanOrEqualTo(2000);
    Thread.sleep(1000);
    assertThat(attempts(marker)).as("nothing sent after success").hasSize(4);
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE idempotency_key = 'test:"
                    + marker
                    + "' AND result_ts = '1700000000.424242'"))
        .isEqualTo(1);
  }

  @Test
  void aPermanentErrorDeadLettersAtOnceWithTheReason() throws Exception {
    String marker = "gone-" + UUID.randomUUID();
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(marker))
            .atPriority(1)
            .willReturn(
                SlackApiTestResource.okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

    outbox.send(SlackCalls.postMessage("test:" + marker, "C0GONE", "Hello " + marker, null));

    await().atMost(Duration.ofSeconds(10)).until(() -> status("test:" + marker).equals("DEAD"));
    assertThat(attempts(marker)).hasSize(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE idempotency_key = 'test:"
                    + marker
                    + "' AND last_error = 'channel_not_found'"))
        .isEqualTo(1);
    Thread.sleep(800);
    assertThat(attempts(marker)).hasSize(1);
  }

  @Test
  void theSameKeyEnqueuedTwiceIsSentOnce() throws Exception {
    String marker = "twice-" + UUID.randomUUID();
    assertThat(
            outbox.send(SlackCalls.postMessage("test:" + marker, "C0OPS", "Hello " + marker, null)))
        .isTrue();
    assertThat(
            outbox.send(SlackCalls.postMessage("test:" + marker, "C0OPS", "Hello " + marker, null)))
        .isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> status("test:" + marker).equals("SENT"));
    Thread.sleep(500);
    assertThat(attempts(marker)).hasSize(1);
  }

  @Test
  void aMessageClaimedByAnInstanceThatDiedBeforeSendingIsDeliveredOnce() throws Exception {
    String marker = "orphan-" + UUID.randomUUID();
    JsonObject payload = SlackCalls.postMessage("x", "C0OPS", "Hello " + marker, null).payload();
    // The state a SIGKILL between claim and send leaves behind: SENDING, lease still running.
    execute(
        "INSERT INTO outbox_message (idempotency_key, method, channel, payload, status, attempts, next_attempt_at,"
            + " claimed_by, claimed_until, created_at) VALUES ('test:"
            + marker
            + "', 'chat.postMessage', 'C0OPS', '"
            + payload.toString().replace("'", "''")
            + "', 'SENDING', 1, now(), 'killed-instance', now() + interval '2 seconds', now())");

    Thread.sleep(1000);
    assertThat(attempts(marker)).as("not taken while the dead instance's lease runs").isEmpty();
    await().atMost(Duration.ofSeconds(15)).until(() -> status("test:" + marker).equals("SENT"));
    Thread.sleep(500);
    assertThat(attempts(marker)).hasSize(1);
  }

  @Test
  void anUpdateWaitsForItsMessageAndTargetsItsChannelAndTs() throws Exception {
    String marker = "upd-" + UUID.randomUUID();
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(marker))
            .atPriority(1)
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"channel\":\"D0DMCHAN\",\"ts\":\"1700000001.000777\"}")));
    outbox.send(SlackCalls.postMessage("test:" + marker, "U0SOMEONE", "Original " + marker, null));
    outbox.send(
        SlackCalls.updateMessage(
            "test:" + marker + ":u1", "test:" + marker, "Updated " + marker, List.of()));

    List<JsonObject> updates = awaitCalls("chat.update", "Updated " + marker, 1);
    assertThat(updates.get(0).get("channel").getAsString()).isEqualTo("D0DMCHAN");
    assertThat(updates.get(0).get("ts").getAsString()).isEqualTo("1700000001.000777");
  }

  private List<ServeEvent> attempts(String marker) {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/chat.postMessage"))
        .filter(e -> e.getRequest().getBodyAsString().contains(marker))
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .toList();
  }

  private String status(String key) throws Exception {
    try (var c = dataSource.getConnection();
        var ps =
            c.prepareStatement("SELECT status FROM outbox_message WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "MISSING";
      }
    }
  }
}
