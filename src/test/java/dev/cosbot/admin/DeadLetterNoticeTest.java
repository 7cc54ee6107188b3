package dev.cosbot.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A message Slack refuses for good (the bot is not in the channel) is dead-lettered alone, and a
 * Chief of Staff is told in plain words with a Retry button that works once the cause is fixed.
 */
@QuarkusTest
class DeadLetterNoticeTest extends SlackTestBase {
  @Inject Outbox outbox;

  @Test
  void everyKindOfMessageIsNamedInHumanWords() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    String channel = "C0GONE" + run.toUpperCase(java.util.Locale.ROOT);
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(channel))
            .atPriority(1)
            .willReturn(
                SlackApiTestResource.okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    long event = Instant.parse("2026-12-07T09:00:00Z").getEpochSecond();
    long id = 100_000 + new Random().nextInt(800_000);
    java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("status:prompt:" + run, "A status check-in prompt");
    expected.put("status:report:" + channel + ":2026-W50", "The weekly status report");
    expected.put("pulse:dm:" + run + ":U0P1", "A pulse survey invitation");
    expected.put("pulse:remind:" + run + ":U0P1", "A pulse survey reminder");
    expected.put(
        "cadence:" + id + ":" + event + ":R10:" + channel,
        "The reminder 10 minutes before a cadence event on");
    expected.put(
        "cadence:" + id + ":" + event + ":OCC:" + channel, "The post of a cadence event on");
    expected.put("decision-asked:" + (id), "Decision request #");
    expected.put("decision-outcome:" + (id), "The answer to decision request #");
    expected.put("digest:U0READER" + run + ":2026-12-06", "The daily digest of Sunday 6 December");
    expected.put(
        "ask:card:" + id + ":U0CARD" + run, "The review card of a question for leadership");
    expected.put(
        "ask:card:" + id + ":U0CARD" + run + ":v2",
        "An update to the review card of a question for leadership");
    expected.put("ask:conversation:" + id + ":m7", "A reply in an anonymous conversation");
    expected.put(
        "ask:conversation:" + id + ":closed", "The notice that an anonymous conversation was");
    expected.put("ask:answer:" + id, "The answer to a question for leadership");
    expected.put("ask:note:" + run + "abc", "A private note to the anonymous writer");
    for (String key : expected.keySet()) {
      outbox.send(SlackCalls.postMessage(key, channel, "Refused " + run, null));
    }
    for (var e : expected.entrySet()) {
      String text =
          awaitCalls("chat.postMessage", e.getValue(), 1).get(0).get("text").getAsString();
      assertThat(text).as(e.getKey()).contains("couldn't be posted").doesNotContain(e.getKey());
    }
    assertThat(calls("chat.postMessage"))
        .as("no notice falls back to the nameless wording for these kinds")
        .noneMatch(
            b ->
                b.get("text").getAsString().startsWith("A message from cos-bot")
                    && b.toString().contains(channel));
  }

  @Test
  void aSealedNoteThatFailsIsAnnouncedWithoutNamingItsAnonymousRecipient() throws Exception {
    String run = Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
    String asker = "U0ANON" + run;
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing(asker))
            .atPriority(1)
            .willReturn(
                SlackApiTestResource.okJson("{\"ok\":false,\"error\":\"user_not_found\"}")));
    outbox.send(
        SlackCalls.postMessage("ask:note:" + run.toLowerCase(), asker, "Sealed " + run, null));
    String notice =
        awaitCalls("chat.postMessage", "A private note to the anonymous writer", 1).stream()
            .filter(b -> !b.toString().contains("Sealed " + run))
            .findFirst()
            .orElseThrow()
            .toString();
    assertThat(notice).contains("couldn't be").doesNotContain(asker);
  }

  @Test
  void aChiefOfStaffIsToldInPlainWordsAndRetrySendsItOnceFixed() throws Exception {
    long escalation = 40_000 + new Random().nextInt(50_000);
    String key = "esc:" + escalation + ":channel";
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing("C0SECURE"))
            .atPriority(1)
            .willReturn(SlackApiTestResource.slackError("not_in_channel")));
    outbox.send(SlackCalls.postMessage(key, "C0SECURE", "Escalation card", null));
    await().atMost(Duration.ofSeconds(10)).until(() -> "DEAD".equals(status(key)));

    List<JsonObject> notices =
        awaitCalls("chat.postMessage", "Escalation #" + escalation + " couldn", 1);
    JsonObject notice =
        notices.stream()
            .filter(n -> "U0ADMIN".equals(n.get("channel").getAsString()))
            .findFirst()
            .orElseThrow();
    assertThat(notice.get("text").getAsString())
        .isEqualTo(
            "Escalation #"
                + escalation
                + " couldn't be posted in <#C0SECURE>: invite @cos-bot to the channel"
                + " (`/invite @cos-bot`).");
    String value =
        notice
            .getAsJsonArray("blocks")
            .get(1)
            .getAsJsonObject()
            .getAsJsonArray("elements")
            .get(0)
            .getAsJsonObject()
            .get("value")
            .getAsString();
    assertThat(value).as("the button carries a signed id").contains("~");

    // A member cannot retry; a tampered value finds nothing.
    SlackRequests.interaction(
            SlackRequests.blockAction("U0MEMBER", DeadLetterBlocks.RETRY, value, "b"))
        .then()
        .statusCode(200);
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0ADMIN", DeadLetterBlocks.RETRY, value.replace("~", "9~"), "b"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "only a Chief of Staff", 1);
    awaitCalls("chat.postEphemeral", "can't find that message", 1);
    assertThat(status(key)).isEqualTo("DEAD");

    // The bot was invited: Retry sends it, once.
    SlackApiTestResource.resetToDefaults(slack);
    SlackRequests.interaction(
            SlackRequests.blockAction("U0ADMIN", DeadLetterBlocks.RETRY, value, "b"))
        .then()
        .statusCode(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(key)));
    awaitCalls("chat.postEphemeral", "is being sent again", 1);
  }

  @Test
  void aDeadLetterThatStoppedBeingUsefulIsDroppedNotSentLate() throws Exception {
    String key = "cadence-test:" + Instant.now().toEpochMilli();
    Instant expiry = Instant.now().plusSeconds(2);
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing("C0ARCHIVED"))
            .atPriority(1)
            .willReturn(SlackApiTestResource.slackError("is_archived")));
    outbox.send(
        SlackCalls.postMessage(key, "C0ARCHIVED", "Standup in 10 minutes", null)
            .expiringAt(expiry));
    await().atMost(Duration.ofSeconds(10)).until(() -> "DEAD".equals(status(key)));
    awaitCalls("chat.postMessage", "the channel is archived", 1);
    // Past its useful time: a retry by an admin must expire it, not send it late.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Instant.now().isAfter(expiry.plusMillis(500)));
    SlackApiTestResource.resetToDefaults(slack);
    SlackRequests.cos("U0ADMIN", "admin outbox retry").then().statusCode(200);
    assertThat(status(key)).isEqualTo("EXPIRED");
    holdsFor(
        Duration.ofSeconds(1),
        () -> matching("chat.postMessage", "Standup in 10 minutes").isEmpty());
  }

  private String status(String key) throws Exception {
    return outboxStatus(key);
  }
}
