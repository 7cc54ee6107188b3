package dev.cosbot.cadence;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cadence that posts in a private channel, and its checklist, exist only for members of that
 * channel (conversations.members, as Slack answers it) and the Chiefs of Staff: not in a
 * non-member's commands, Home tab or digest, nor in the calendar feed anyone with the URL reads.
 */
@QuarkusTest
class CadencePrivacyTest extends SlackTestBase {
  @Inject TestClock clock;
  @Inject CadenceDigestSource digest;

  @AfterEach
  void cleanUp() throws Exception {
    clock.reset();
    execute("DELETE FROM cadence");
  }

  @Test
  void aNonMemberSeesNoPrivateChannelCadence() throws Exception {
    clock.setTo(Instant.parse("2027-01-01T12:00:00Z"));
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String channel = "C0PRIV" + suffix.toUpperCase();
    String secretName = "Board prep " + suffix;
    String checklistItem = "Draft severance list";
    String publicName = "Weekly staff " + suffix;
    slack.stubFor(
        post(urlPathEqualTo("/api/conversations.info"))
            .atPriority(5)
            .withRequestBody(containing("channel=" + channel))
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"channel\":{\"id\":\""
                        + channel
                        + "\",\"name\":\"board\",\"is_private\":true}}")));
    slack.stubFor(
        post(urlPathEqualTo("/api/conversations.members"))
            .atPriority(5)
            .withRequestBody(containing("channel=" + channel))
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"members\":[\"U0INSIDER\",\"U0ADMIN\"],"
                        + "\"response_metadata\":{\"next_cursor\":\"\"}}")));
    create(
        secretName,
        channel,
        checklistItem + " | <@U0INSIDER> | 1d\nRIF Q1 plan | <@U0MEMBER> | 2h");
    create(publicName, "C0STAFF", "Agenda | <@U0MEMBER> | 1d");

    // --- A member of the workspace who is not in the channel: no trace in any command.
    for (String command :
        List.of(
            "cadence list",
            "cadence next 20",
            "cadence pause \"" + secretName + "\"",
            "cadence skip \"" + secretName + "\" 2027-01-05")) {
      String answer =
          SlackRequests.cos("U0MEMBER", command).then().statusCode(200).extract().asString();
      if (command.startsWith("cadence pause") || command.startsWith("cadence skip")) {
        // Exactly the answer for a name that does not exist (the typed name is echoed back).
        String missing = "Nothing here " + suffix;
        String forMissing =
            SlackRequests.cos("U0MEMBER", command.replace(secretName, missing))
                .then()
                .extract()
                .asString();
        assertThat(answer.replace(secretName, "NAME"))
            .isEqualTo(forMissing.replace(missing, "NAME"))
            .contains("know a cadence called");
        continue;
      }
      assertNoTrace(answer, secretName, checklistItem);
      assertThat(answer).contains(publicName);
    }
    // Not even a task assigned to them in it: the checklist is the channel's.
    openHome("U0MEMBER");
    String home = awaitCalls("views.publish", "U0MEMBER", 1).get(0).toString();
    assertNoTrace(home, secretName, "RIF Q1 plan");
    assertThat(home).contains("Agenda");

    // --- The digest of a reader who is not in the channel (the CXO).
    Instant now = clock.instant();
    List<DigestItem> cxo =
        digest.items(
            new DigestRequest("U0CXO", false, now, now.minus(Duration.ofDays(1)), ZoneOffset.UTC));
    assertThat(cxo).noneMatch(i -> i.text().contains(secretName) || i.text().contains("RIF"));
    assertThat(cxo).anyMatch(i -> i.text().contains(publicName));

    // --- The calendar feed: whoever has the URL is nobody in particular.
    String feedText =
        SlackRequests.cos("U0ADMIN", "cadence feed").then().statusCode(200).extract().path("text");
    String token = feedText.replaceAll("(?s).*/calendar/([A-Za-z0-9_-]+)\\.ics.*", "$1");
    String ics =
        given().get("/calendar/" + token + ".ics").then().statusCode(200).extract().asString();
    assertThat(ics).contains(publicName).doesNotContain(secretName);

    // --- Members of the channel and the Chiefs of Staff do see it.
    assertThat(SlackRequests.cos("U0INSIDER", "cadence list").then().extract().asString())
        .contains(secretName);
    assertThat(SlackRequests.cos("U0ADMIN", "cadence next 20").then().extract().asString())
        .contains(secretName, checklistItem);
    openHome("U0INSIDER");
    assertThat(awaitCalls("views.publish", "U0INSIDER", 1).get(0).toString())
        .contains(checklistItem, secretName);
    assertThat(
            digest.items(
                new DigestRequest(
                    "U0INSIDER", false, now, now.minus(Duration.ofDays(1)), ZoneOffset.UTC)))
        .anyMatch(i -> i.text().contains(secretName));
  }

  private static void assertNoTrace(String text, String name, String checklistItem) {
    assertThat(text).doesNotContain(name).doesNotContain(checklistItem);
  }

  private void create(String name, String channel, String checklist) {
    // The checklist's DRIs are people Slack knows.
    SlackApiTestResource.knowsUser(slack, "U0INSIDER", "insider", "Ina Sider", "UTC");
    SlackApiTestResource.knowsUser(slack, "U0MEMBER", "member", "Mem Ber", "UTC");
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                CadenceIds.NEW_CALLBACK,
                "",
                CadenceFlowTest.values(name, "Europe/Berlin", channel, "1d", checklist)))
        .then()
        .statusCode(200);
  }
}
