package dev.cosbot.platform.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
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
    SlackApiTestResource.answerInTurn(
        slack,
        "chat.postMessage",
        marker,
        serverError(),
        WireMock.aResponse().withStatus(503),
        SlackApiTestResource.rateLimited(2),
        SlackApiTestResource.posted("C0OPS", "1700000000.424242"));

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
    holdsFor(Duration.ofSeconds(1), () -> attempts(marker).size() == 4); // nothing after success
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
    SlackApiTestResource.answer(
        slack, "chat.postMessage", marker, SlackApiTestResource.slackError("channel_not_found"));

    outbox.send(SlackCalls.postMessage("test:" + marker, "C0GONE", "Hello " + marker, null));

    await().atMost(Duration.ofSeconds(10)).until(() -> status("test:" + marker).equals("DEAD"));
    assertThat(attempts(marker)).hasSize(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE idempotency_key = 'test:"
                    + marker
                    + "' AND last_error = 'channel_not_found'"))
        .isEqualTo(1);
    holdsFor(Duration.ofMillis(800), () -> attempts(marker).size() == 1);
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
    holdsFor(Duration.ofMillis(500), () -> attempts(marker).size() == 1);
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

    // Not taken while the dead instance's lease runs.
    holdsFor(Duration.ofSeconds(1), () -> attempts(marker).isEmpty());
    await().atMost(Duration.ofSeconds(15)).until(() -> status("test:" + marker).equals("SENT"));
    holdsFor(Duration.ofMillis(500), () -> attempts(marker).size() == 1);
  }

  @Test
  void anUpdateWaitsForItsMessageAndTargetsItsChannelAndTs() throws Exception {
    String marker = "upd-" + UUID.randomUUID();
    SlackApiTestResource.answer(
        slack,
        "chat.postMessage",
        marker,
        SlackApiTestResource.posted("D0DMCHAN", "1700000001.000777"));
    outbox.send(SlackCalls.postMessage("test:" + marker, "U0SOMEONE", "Original " + marker, null));
    outbox.send(
        SlackCalls.updateMessage(
            "test:" + marker + ":u1", "test:" + marker, "Updated " + marker, List.of()));

    List<JsonObject> updates = awaitCalls("chat.update", "Updated " + marker, 1);
    assertThat(updates.get(0).get("channel").getAsString()).isEqualTo("D0DMCHAN");
    assertThat(updates.get(0).get("ts").getAsString()).isEqualTo("1700000001.000777");
  }

  private List<ServeEvent> attempts(String marker) {
    return served("chat.postMessage", marker);
  }

  private String status(String key) throws Exception {
    return outboxStatus(key);
  }
}
