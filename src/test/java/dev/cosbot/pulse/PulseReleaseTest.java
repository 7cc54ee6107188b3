package dev.cosbot.pulse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Differencing by polling: answers arrive one by one while an insider asks for the results after
 * each through the command and the API. Nothing about the content changes until k new answers and a
 * release time (the test profile releases at most once a day); free text only after close.
 */
@QuarkusTest
class PulseReleaseTest extends SlackTestBase {
  private static final String COMMENT = "comment-from-person-";

  @Inject PulseService service;
  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void pollingAfterEachAnswerRevealsNothingUntilKNewAnswersAndAReleaseTime() throws Exception {
    List<String> people = IntStream.rangeClosed(1, 8).mapToObj(i -> "U0RL" + i).toList();
    PulseFlows.stubUsergroup(slack, "S0RELEASE", people, "U0RLBOT", "U0RLGONE");
    PulseFlows.submitNewSurvey(
            "U0ADMIN",
            PulseFlows.newSurveyValues("Release check", "enps", null, "S0RELEASE", true, 5))
        .then()
        .statusCode(200);
    long surveyId = scalar("SELECT id FROM pulse_survey WHERE title = 'Release check'");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> scalar("SELECT count(*) FROM pulse_round WHERE survey_id = " + surveyId) == 1);
    long roundId = scalar("SELECT id FROM pulse_round WHERE survey_id = " + surveyId);
    awaitCalls("chat.postMessage", "Release check", 8);

    int[] scores = {1, 3, 4, 4, 5, 10, 2, 9};
    String[] seen = null;
    // Answers 1–5 on day 0: the release timer may fire any time (it is called after every
    // answer), but the first release time is a day after opening.
    for (int i = 0; i < 5; i++) {
      answer(people.get(i), roundId, scores[i], i);
      assertThat(service.release(roundId)).isFalse();
      String[] now = poll(surveyId, i + 1);
      assertThat(now[0]).contains("shared when the round closes").doesNotContain("eNPS *");
      assertThat(now[1]).contains("\"visible\":false").doesNotContain("\"distribution\":{");
      if (seen != null) {
        assertThat(now).as("after answer %d", i + 1).isEqualTo(seen);
      }
      seen = now;
    }

    // Day 1: the release time has come and 5 new answers arrived: the first release.
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    assertThat(service.release(roundId)).isTrue();
    String[] first = poll(surveyId, 5);
    assertThat(first[0])
        .contains("Interim results released", "from 5 answers", "`1` ", "`3` ", "`5` ")
        .contains("comments only at close")
        .doesNotContain(COMMENT);
    assertThat(first[1]).contains("\"visible\":true", "\"releasedAt\":").doesNotContain(COMMENT);

    // Answers 6–8: released again neither at once nor at the next release time (only 3 new).
    for (int i = 5; i < 8; i++) {
      answer(people.get(i), roundId, scores[i], i);
      assertThat(service.release(roundId)).isFalse();
      assertThat(poll(surveyId, i + 1)).as("after answer %d", i + 1).isEqualTo(first);
    }
    clock.advance(Duration.ofDays(1));
    assertThat(service.release(roundId)).isFalse();
    assertThat(poll(surveyId, 8)).isEqualTo(first);

    // At close: all 8 answers, and the comments (8 > k), in random order.
    assertThat(service.close(roundId)).isTrue();
    String closed =
        SlackRequests.cos("U0ADMIN", "pulse results " + surveyId).then().extract().asString();
    assertThat(closed).contains("8/8 answered", "`10` ", "`9` ", "`2` ");
    for (int i = 0; i < 8; i++) {
      assertThat(closed).contains(COMMENT + i);
    }
    assertThat(scalar("SELECT count(*) FROM pulse_release WHERE round_id = " + roundId)).isZero();
  }

  private static void answer(String user, long roundId, int score, int i) {
    PulseFlows.answer(user, roundId, PulseFlows.option(0, score), PulseFlows.text(1, COMMENT + i))
        .then()
        .statusCode(200);
  }

  /**
   * The command's and the API's answers, with the live participation count checked and then taken
   * out: what is left is the content an insider could compare between two polls.
   */
  private static String[] poll(long surveyId, int answered) {
    String command =
        SlackRequests.cos("U0ADMIN", "pulse results " + surveyId)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String api =
        given()
            .header("Authorization", "Bearer test-api-token")
            .get("/api/v1/pulse/" + surveyId + "/results")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(command).contains(answered + "/8 answered so far").doesNotContain(COMMENT);
    assertThat(api).contains("\"answeredSoFar\":" + answered).doesNotContain(COMMENT);
    return new String[] {
      command.replace(answered + "/8 answered so far", "N/8 answered so far"),
      api.replace("\"answeredSoFar\":" + answered, "\"answeredSoFar\":N")
          .replaceAll("\"responseRatePercent\":\\d+", "\"responseRatePercent\":N")
    };
  }
}
