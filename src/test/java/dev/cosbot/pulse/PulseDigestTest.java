package dev.cosbot.pulse;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.TeamSignal;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rounds over time: results with the change against the previous round, the trend chart uploaded to
 * Slack (getUploadURLExternal → upload → completeUploadExternal), and what the CXO digest gets: FYI
 * for published results, WATCH for a drop, a team signal — and nothing from a round below k.
 */
@QuarkusTest
class PulseDigestTest extends SlackTestBase {
  @Inject PulseService service;
  @Inject PulseDigestSource digest;
  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private long round(PulseSurvey survey, List<String> people, int score, int answers) {
    long roundId =
        service
            .openRound(
                survey.id,
                null,
                people.stream().map(p -> new PulseAudience.Recipient(p, "UTC")).toList())
            .orElseThrow()
            .id;
    for (int i = 0; i < answers; i++) {
      JsonObject a = new JsonObject();
      a.addProperty("0", score);
      service.recordAnswer(roundId, people.get(i), a);
    }
    service.close(roundId);
    return roundId;
  }

  @Test
  void roundsFeedTheChartAndTheDigest() throws Exception {
    slack.stubFor(
        post(urlPathEqualTo("/api/files.getUploadURLExternal"))
            .atPriority(5)
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"upload_url\":\""
                        + slack.baseUrl()
                        + "/upload/F0CHART\",\"file_id\":\"F0CHART\"}")));
    slack.stubFor(
        post(urlPathEqualTo("/upload/F0CHART"))
            .atPriority(5)
            .willReturn(SlackApiTestResource.okJson("OK")));
    Instant since = clock.instant().minus(Duration.ofMinutes(1));
    List<String> people = IntStream.rangeClosed(1, 6).mapToObj(i -> "U0DG" + i).toList();
    PulseSurvey survey =
        service.create(
            "U0ADMIN",
            new PulseService.NewSurvey(
                "Platform eNPS",
                PulseQuestions.template("enps"),
                PulseSurvey.AudienceKind.PEOPLE,
                String.join(",", people),
                "Platform",
                true,
                5,
                3,
                2,
                LocalDateTime.of(2100, 1, 1, 10, 0),
                null));

    long first = round(survey, people, 10, 6);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !PulseFlows.formCalls(slack, "files.completeUploadExternal", "F0CHART").isEmpty());
    slack.verify(postRequestedFor(urlPathEqualTo("/upload/F0CHART")));
    byte[] png =
        slack.findAll(postRequestedFor(urlPathEqualTo("/upload/F0CHART"))).get(0).getBody();
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    // The ledger is marked once Slack has answered the completing call: wait for it.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                scalar(
                        "SELECT count(*) FROM pulse_chart WHERE round_id = "
                            + first
                            + " AND status = 'DONE'")
                    == 1);

    long second = round(survey, people, 6, 5);
    JsonObject results =
        awaitCalls("chat.postMessage", "Pulse results: Platform eNPS (round 2)", 1).get(0);
    assertThat(results.toString()).contains("eNPS *-100*", "(-200 vs previous round)");
    long third = round(survey, people, 0, 2);
    JsonObject below =
        awaitCalls("chat.postMessage", "Pulse results: Platform eNPS (round 3)", 1).get(0);
    assertThat(below.toString()).contains("not enough answers yet").doesNotContain("eNPS *");
    // A chart is uploaded once per round that met k; never for the one below k.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                scalar(
                        "SELECT count(*) FROM pulse_chart WHERE round_id = "
                            + second
                            + " AND status = 'DONE'")
                    == 1);
    assertThat(scalar("SELECT count(*) FROM pulse_chart WHERE round_id = " + third)).isZero();

    DigestRequest request =
        new DigestRequest("U0CXO", false, clock.instant(), since, ZoneOffset.UTC);
    // Other tests' surveys may have closed rounds in the same window: look at this survey's lines.
    List<DigestItem> items =
        digest.items(request).stream().filter(i -> i.text().contains("Platform eNPS")).toList();
    assertThat(items)
        .extracting(DigestItem::key)
        .containsExactlyInAnyOrder("pulse:" + first, "pulse:" + second, "pulse-drop:" + second);
    DigestItem drop =
        items.stream().filter(i -> i.section() == DigestSection.WATCH).findFirst().orElseThrow();
    assertThat(drop.text()).contains("Platform eNPS", "eNPS ↓200");
    assertThat(
            items.stream()
                .filter(i -> i.key().equals("pulse:" + second))
                .findFirst()
                .orElseThrow()
                .text())
        .contains("5/6 answered", "eNPS -100");
    assertThat(digest.teamSignals(request)).contains(new TeamSignal("Platform", "eNPS ↓200", 100));

    // The API shows the same aggregates, round by round, and nothing but the count gate for round
    // 3.
    String api =
        io.restassured.RestAssured.given()
            .header("Authorization", "Bearer test-api-token")
            .get("/api/v1/pulse/" + survey.id + "/results")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(api)
        .contains("\"enps\":100", "\"enps\":-100", "\"enpsChange\":-200", "\"visible\":false");
  }
}
