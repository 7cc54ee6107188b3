package dev.cosbot.pulse;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;

/**
 * Breakdowns by team, by construction: teams of 6, 4 and 5 people, k=5, everyone answers. The
 * 4-person team is below k; with only it hidden, "total minus the two others" would give its
 * answers, so one more team is hidden. Walked through Slack: the form's group picker, the DM
 * buttons and answer modals, the close timer at its test-clock time, the results DM and the heatmap
 * upload — and the slices never written next to an answer.
 */
@QuarkusTest
class PulseSliceTest extends SlackTestBase {
  private static final List<String> GROUPS = List.of("S0TSIX", "S0TFOUR", "S0TFIVE");
  private static final List<String> HANDLES = List.of("team-six", "team-four", "team-five");

  @Inject TestClock clock;
  @Inject Scheduler quartz;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void teamsOfSixFourAndFiveAtKFiveShowOnlyTheTeamOfSix() throws Exception {
    List<String> six = people("U0TS", 6);
    List<String> four = people("U0TF", 4);
    List<String> five = people("U0TV", 5);
    List<String> everyone = Stream.of(six, four, five).flatMap(List::stream).toList();
    PulseFlows.stubUsergroup(slack, "S0TALL", everyone, "U0TBOT", "U0TGONE");
    PulseFlows.stubGroupMembers(slack, "S0TSIX", six);
    PulseFlows.stubGroupMembers(slack, "S0TFOUR", four);
    PulseFlows.stubGroupMembers(slack, "S0TFIVE", five);
    PulseFlows.stubGroupList(slack, GROUPS, HANDLES);
    slack.stubFor(
        post(urlPathEqualTo("/api/files.getUploadURLExternal"))
            .atPriority(4)
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"upload_url\":\""
                        + slack.baseUrl()
                        + "/upload/F0TEAMS\",\"file_id\":\"F0TEAMS\"}")));
    slack.stubFor(
        post(urlPathEqualTo("/upload/F0TEAMS"))
            .atPriority(4)
            .willReturn(SlackApiTestResource.okJson("OK")));

    // The form's team picker lists the workspace's groups by name, filtered by what is typed.
    // (A group list read moments ago by another test may still be cached: ask again until fresh.)
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                PulseFlows.groupSuggestion("U0ADMIN", PulseIds.SLICES, "team-f")
                    .then()
                    .extract()
                    .asString()
                    .contains("team-four"));
    String options =
        PulseFlows.groupSuggestion("U0ADMIN", PulseIds.SLICES, "team-f")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(options).contains("@team-four", "@team-five", "S0TFOUR").doesNotContain("team-six");

    String values =
        PulseFlows.newSurveyValues("Team health by team", "team_health", null, "S0TALL", true, 5);
    values =
        values.substring(0, values.length() - 1)
            + ","
            + PulseFlows.slices(
                GROUPS,
                List.of("@team-six (team six)", "@team-four (team four)", "@team-five (team five)"))
            + "}";
    PulseFlows.submitNewSurvey("U0ADMIN", values).then().statusCode(200);
    long surveyId = scalar("SELECT id FROM pulse_survey WHERE title = 'Team health by team'");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> scalar("SELECT count(*) FROM pulse_round WHERE survey_id = " + surveyId) == 1);
    long roundId = scalar("SELECT id FROM pulse_round WHERE survey_id = " + surveyId);
    List<JsonObject> dms = awaitCalls("chat.postMessage", "Pulse survey: Team health by team", 15);
    assertThat(dms).hasSize(15);

    // Everyone answers through the DM's button and the modal. Recording an answer writes nothing
    // next to the person: their recipient row (with its team) keeps its row version.
    String versions =
        text(
            "SELECT string_agg(xmin::text, ',' ORDER BY user_id) FROM pulse_recipient WHERE round_id = "
                + roundId);
    for (int i = 0; i < everyone.size(); i++) {
      String person = everyone.get(i);
      // The button as it is in the person's own DM.
      String button =
          dms.stream()
              .filter(d -> d.get("channel").getAsString().equals(person))
              .findFirst()
              .orElseThrow()
              .toString();
      int score = six.contains(person) ? 5 : four.contains(person) ? 1 : 3;
      PulseFlows.takeAndAnswerAll(person, button, roundId, score);
    }
    PulseFlows.awaitFormCalls(slack, "views.open", PulseIds.ANSWER_VIEW, 15);
    assertThat(
            text(
                "SELECT string_agg(xmin::text, ',' ORDER BY user_id) FROM pulse_recipient WHERE round_id = "
                    + roundId))
        .isEqualTo(versions);
    assertThat(scalar("SELECT count(*) FROM pulse_sealed WHERE round_id = " + roundId))
        .isEqualTo(15);

    // The close timer fires at its own time on the test clock.
    Instant closesAt = schedulesNextFire("close:" + roundId);
    clock.setTo(closesAt.plusSeconds(1));
    quartz.triggerJob(JobKey.jobKey("close:" + roundId, PulseService.TIMER_GROUP));
    JsonObject results =
        awaitCalls("chat.postMessage", "Pulse results: Team health by team", 1).get(0);
    assertThat(results.get("channel").getAsString()).isEqualTo("U0ADMIN");
    String shown = results.toString();
    assertThat(shown)
        .contains("By team", "@team-six (team six)", "(6 answered)", "2 teams are not shown")
        .contains("question 1: 5.0 of 5", "question 5: 5.0 of 5")
        .doesNotContain("team-four", "team-five", "team four", "team five", "S0TFOUR", "S0TFIVE");

    // What is stored after close: answers without a team, the breakdown with the shown team only.
    assertThat(columns()).doesNotContain("slice");
    String stored = text("SELECT content FROM pulse_breakdown WHERE round_id = " + roundId);
    assertThat(stored).contains("S0TSIX").doesNotContain("S0TFOUR", "S0TFIVE");

    // The heatmap of teams × questions goes to the owner with the trend chart.
    quartz.triggerJob(JobKey.jobKey("chart:" + roundId, PulseService.TIMER_GROUP));
    List<String> completed =
        PulseFlows.awaitFormCalls(slack, "files.completeUploadExternal", "by team", 1);
    assertThat(completed.get(0)).contains("Team health by team — by team", "— answers, round 1");
    assertThat(PulseFlows.formCalls(slack, "files.getUploadURLExternal", "pulse-teams-" + roundId))
        .hasSize(1);
    List<byte[]> pngs = new ArrayList<>();
    slack
        .findAll(postRequestedFor(urlPathEqualTo("/upload/F0TEAMS")))
        .forEach(r -> pngs.add(r.getBody()));
    assertThat(pngs).hasSizeGreaterThanOrEqualTo(2);
    assertThat(pngs)
        .allSatisfy(
            png ->
                assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("PNG"));
  }

  private Instant schedulesNextFire(String name) throws Exception {
    var triggers = quartz.getTriggersOfJob(JobKey.jobKey(name, PulseService.TIMER_GROUP));
    assertThat(triggers).as("the %s timer", name).hasSize(1);
    return triggers.get(0).getNextFireTime().toInstant();
  }

  private static List<String> people(String prefix, int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
  }

  private String text(String sql) throws Exception {
    try (var c = dataSource.getConnection();
        var s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  private List<String> columns() throws Exception {
    List<String> out = new ArrayList<>();
    try (var c = dataSource.getConnection();
        var s = c.createStatement();
        var r =
            s.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'pulse_answer'")) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }
}
