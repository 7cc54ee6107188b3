package dev.cosbot.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
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
 * Pulse surveys accepted end to end through signed Slack requests against WireMock: a survey for a
 * user group of 8 (plus a bot and a deactivated account), DMs to the 8, answers through the modal,
 * results with and without enough answers, replacing an answer, refusing one after close.
 */
@QuarkusTest
class PulseSurveyTest extends SlackTestBase {
  @Inject TestClock clock;
  @Inject PulseService service;
  @Inject dev.cosbot.platform.scheduler.Schedules schedules;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private long createEnpsSurvey(String group, List<String> humans, String title) throws Exception {
    PulseFlows.stubUsergroup(slack, group, humans, group + "BOT", group + "GONE");
    SlackRequests.cos("U0ADMIN", "pulse new").then().statusCode(200);
    assertThat(PulseFlows.awaitFormCalls(slack, "views.open", PulseIds.NEW_SURVEY_VIEW, 1))
        .isNotEmpty();
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                PulseIds.NEW_SURVEY_VIEW,
                "",
                PulseFlows.newSurveyValues(title, "enps", null, group, true, 5)))
        .then()
        .statusCode(200);
    long surveyId = scalar("SELECT id FROM pulse_survey WHERE title = '" + title + "'");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> scalar("SELECT count(*) FROM pulse_round WHERE survey_id = " + surveyId) == 1);
    return surveyId;
  }

  private long roundOf(long surveyId) throws Exception {
    return scalar(
        "SELECT id FROM pulse_round WHERE survey_id = " + surveyId + " ORDER BY seq DESC LIMIT 1");
  }

  @Test
  void eightPeopleAreAskedSixAnswerAndResultsShowOnlyFromK() throws Exception {
    List<String> humans = IntStream.rangeClosed(1, 8).mapToObj(i -> "U0PA" + i).toList();
    long surveyId = createEnpsSurvey("S0PULSEA", humans, "Acceptance eNPS");
    long roundId = roundOf(surveyId);

    List<JsonObject> dms = awaitCalls("chat.postMessage", "Pulse survey: Acceptance eNPS", 8);
    assertThat(dms).hasSize(8);
    assertThat(dms.stream().map(d -> d.get("channel").getAsString()))
        .containsExactlyInAnyOrderElementsOf(humans);
    assertThat(dms.get(0).toString()).contains("Take the survey", PulseIds.TAKE_SURVEY);

    // The button opens the answer modal, which says what is and is not anonymous.
    PulseFlows.take("U0PA1", roundId).then().statusCode(200);
    String modal = PulseFlows.awaitFormCalls(slack, "views.open", PulseIds.ANSWER_VIEW, 1).get(0);
    assertThat(modal)
        .contains("Anonymous", "without your name", "sealed", "Not anonymous:")
        .contains("privacy notes");
    // The privacy notes it names are served by the bot itself.
    assertThat(
            io.restassured.RestAssured.given()
                .get("/privacy")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("Privacy: who can see what", "PulseSealedStorageTest");

    int[] scores = {10, 9, 9, 7, 5, 3};
    for (int i = 0; i < 4; i++) {
      PulseFlows.answer(
              humans.get(i),
              roundId,
              PulseFlows.option(0, scores[i]),
              PulseFlows.text(1, "reason " + i))
          .then()
          .statusCode(200);
    }
    String early =
        SlackRequests.cos("U0ADMIN", "pulse results Acceptance eNPS")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(early)
        .contains("4/8 answered so far", "shared when the round closes")
        .doesNotContain("eNPS *", "reason", "`10`", "Mean");

    for (int i = 4; i < 6; i++) {
      PulseFlows.answer(
              humans.get(i),
              roundId,
              PulseFlows.option(0, scores[i]),
              PulseFlows.text(1, "reason " + i))
          .then()
          .statusCode(200);
    }
    // While the round is open only the participation count moves; the content comes at close.
    assertThat(
            SlackRequests.cos("U0ADMIN", "pulse results Acceptance eNPS")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("6/8 answered so far")
        .doesNotContain("eNPS *", "reason", "`10`", "Mean");
    assertThat(service.close(roundId)).isTrue();
    String results =
        SlackRequests.cos("U0ADMIN", "pulse results Acceptance eNPS")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(results)
        .contains("6/8 answered", "(75%)")
        .contains(
            "`10` █████ 1 (17%)",
            "`9` ██████████ 2 (33%)",
            "`7` █████ 1 (17%)",
            "`5` █████ 1 (17%)",
            "`3` █████ 1 (17%)",
            "`0`  0 (0%)")
        .contains("Mean *7.2*", "eNPS *+17*")
        // 6 answers to the comment question is above k=5: shown.
        .contains("reason 0", "reason 5");
    assertThat(scalar("SELECT count(*) FROM pulse_answer WHERE round_id = " + roundId))
        .isEqualTo(6);
    assertThat(scalar("SELECT count(*) FROM pulse_recipient WHERE round_id = " + roundId))
        .isEqualTo(8);
  }

  @Test
  void aSecondAnswerReplacesTheFirstAndAnswersAfterCloseAreRefused() throws Exception {
    List<String> humans = IntStream.rangeClosed(1, 5).mapToObj(i -> "U0PB" + i).toList();
    long surveyId = createEnpsSurvey("S0PULSEB", humans, "Replace eNPS");
    long roundId = roundOf(surveyId);
    awaitCalls("chat.postMessage", "Pulse survey: Replace eNPS", 5);

    PulseFlows.answer("U0PB1", roundId, PulseFlows.option(0, 2)).then().statusCode(200);
    PulseFlows.answer("U0PB1", roundId, PulseFlows.option(0, 10)).then().statusCode(200);
    // Sealed while open: one sealed row (replaced), no readable answer.
    assertThat(scalar("SELECT count(*) FROM pulse_sealed WHERE round_id = " + roundId))
        .isEqualTo(1);
    assertThat(scalar("SELECT count(*) FROM pulse_answer WHERE round_id = " + roundId)).isZero();
    for (int i = 2; i <= 5; i++) {
      PulseFlows.answer("U0PB" + i, roundId, PulseFlows.option(0, 10)).then().statusCode(200);
    }
    String results =
        SlackRequests.cos("U0ADMIN", "pulse results " + surveyId).then().extract().asString();
    assertThat(results).contains("5/5 answered so far").doesNotContain("eNPS *");

    // A required question left empty is refused in place, field by field.
    String invalid =
        PulseFlows.answer("U0PB2", roundId).then().statusCode(200).extract().asString();
    assertThat(invalid).contains("\"response_action\":\"errors\"", "\"q0\"");

    clock.advance(Duration.ofDays(4));
    String late =
        PulseFlows.answer("U0PB3", roundId, PulseFlows.option(0, 0))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(late).contains("has closed", "no longer");

    assertThat(service.close(roundId)).isTrue();
    assertThat(service.close(roundId)).isFalse();
    JsonObject posted = awaitCalls("chat.postMessage", "Pulse results: Replace eNPS", 1).get(0);
    assertThat(posted.get("channel").getAsString()).isEqualTo("U0ADMIN");
    assertThat(posted.toString())
        .contains("5/5 answered", "`10` ██████████ 5 (100%)", "`2`  0 (0%)", "eNPS *+100*");
    // At close the answers are opened into plain rows and no sealed row is left.
    assertThat(scalar("SELECT count(*) FROM pulse_answer WHERE round_id = " + roundId))
        .isEqualTo(5);
    assertThat(
            scalar(
                "SELECT count(*) FROM pulse_answer WHERE round_id = "
                    + roundId
                    + " AND answers LIKE '%\"0\":0%'"))
        .isZero();
    assertThat(scalar("SELECT count(*) FROM pulse_sealed WHERE round_id = " + roundId)).isZero();
  }

  @Test
  void nonRespondentsAreRemindedOnce() throws Exception {
    List<String> humans = IntStream.rangeClosed(1, 4).mapToObj(i -> "U0PC" + i).toList();
    long surveyId = createEnpsSurvey("S0PULSEC", humans, "Reminder eNPS");
    long roundId = roundOf(surveyId);
    awaitCalls("chat.postMessage", "Pulse survey: Reminder eNPS", 4);
    PulseFlows.answer("U0PC1", roundId, PulseFlows.option(0, 8)).then().statusCode(200);
    assertThat(service.remind(roundId)).isEqualTo(3);
    assertThat(service.remind(roundId)).isZero();
    List<JsonObject> reminders =
        awaitCalls("chat.postMessage", "Reminder: Pulse survey: Reminder eNPS", 3);
    assertThat(reminders.stream().map(r -> r.get("channel").getAsString()))
        .containsExactlyInAnyOrder("U0PC2", "U0PC3", "U0PC4");
  }

  @Test
  void aOneQuestionPulseHasInlineButtonsThatOpenTheModalPreselected() throws Exception {
    List<String> humans = List.of("U0PD1", "U0PD2", "U0PD3");
    PulseFlows.stubUsergroup(slack, "S0PULSED", humans, "U0PDBOT", "U0PDGONE");
    PulseFlows.submitNewSurvey(
            "U0ADMIN",
            PulseFlows.newSurveyValues(
                "Focus check", null, "likert: I can focus on my work", "S0PULSED", true, 3))
        .then()
        .statusCode(200);
    JsonObject dm = awaitCalls("chat.postMessage", "Pulse survey: Focus check", 3).get(0);
    assertThat(dm.toString())
        .contains(PulseIds.QUICK_ANSWER + "1", PulseIds.QUICK_ANSWER + "5")
        .doesNotContain(PulseIds.TAKE_SURVEY);
    long roundId = roundOf(scalar("SELECT id FROM pulse_survey WHERE title = 'Focus check'"));
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0PD2",
                PulseIds.QUICK_ANSWER + "4",
                PulseFlows.SIGNER.sign(roundId + ":4"),
                "pulse_quick"))
        .then()
        .statusCode(200);
    String modal = PulseFlows.awaitFormCalls(slack, "views.open", "Focus check", 1).get(0);
    assertThat(modal)
        .contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"4 Agree\"");
    // Someone who was not asked cannot answer.
    String stranger =
        PulseFlows.answer("U0STRANGER", roundId, PulseFlows.option(0, 4))
            .then()
            .extract()
            .asString();
    assertThat(stranger).contains("not sent to you");
    assertThat(scalar("SELECT count(*) FROM pulse_answer WHERE round_id = " + roundId)).isZero();
  }

  @Test
  void theNewSurveyModalIsValidatedFieldByField() throws Exception {
    String answer =
        PulseFlows.submitNewSurvey(
                "U0ADMIN",
                PulseFlows.newSurveyValues("", null, "rating: nope", "not-a-group", true, 2))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(answer)
        .contains(
            "\"response_action\":\"errors\"",
            PulseIds.TITLE,
            PulseIds.NEW_QUESTION_TEXT + "0",
            PulseIds.USERGROUP,
            PulseIds.MIN_ANSWERS,
            "At least 3");
    assertThat(scalar("SELECT count(*) FROM pulse_survey WHERE title = ''")).isZero();
  }

  @Test
  void recipientsGetTheDmAtTheLocalTimeInTheirOwnZone() throws Exception {
    java.time.ZonedDateTime tokyoNow = clock.instant().atZone(java.time.ZoneId.of("Asia/Tokyo"));
    // The local start has just passed in Tokyo; in Los Angeles it is still hours away.
    java.time.LocalDateTime start =
        tokyoNow.toLocalDateTime().minusMinutes(1).withSecond(0).withNano(0);
    PulseSurvey survey =
        service.create(
            "U0ADMIN",
            new PulseService.NewSurvey(
                "Zones",
                PulseQuestions.template("enps"),
                PulseSurvey.AudienceKind.PEOPLE,
                "U0TZ1,U0TZ2",
                "zones",
                true,
                3,
                1,
                1,
                java.time.LocalDateTime.of(2100, 1, 1, 10, 0),
                null));
    long roundId =
        service
            .openRound(
                survey.id,
                start,
                List.of(
                    new PulseAudience.Recipient("U0TZ1", "Asia/Tokyo"),
                    new PulseAudience.Recipient("U0TZ2", "America/Los_Angeles")))
            .orElseThrow()
            .id;
    assertThat(service.openRound(survey.id, start, List.of()))
        .as("a scheduled round opens once")
        .isEmpty();
    awaitCalls("chat.postMessage", "Pulse survey: Zones", 1);
    assertThat(matching("chat.postMessage", "Pulse survey: Zones"))
        .extracting(m -> m.get("channel").getAsString())
        .containsExactly("U0TZ1");
    java.time.Instant laAt = start.atZone(java.time.ZoneId.of("America/Los_Angeles")).toInstant();
    assertThat(
            schedules.nextFire(
                PulseService.TIMER_GROUP, "send:" + roundId + ":America/Los_Angeles"))
        .contains(laAt);
    PulseRound round = service.roundById(roundId);
    assertThat(round.closesAt).isEqualTo(laAt.plus(Duration.ofDays(1)));
    assertThat(service.sendZone(roundId, "America/Los_Angeles")).isEqualTo(1);
    assertThat(awaitCalls("chat.postMessage", "Pulse survey: Zones", 2))
        .extracting(m -> m.get("channel").getAsString())
        .contains("U0TZ2");
    schedules.cancel(PulseService.TIMER_GROUP, "send:" + roundId + ":America/Los_Angeles");
  }

  @Test
  void onlyChiefsOfStaffRunSurveys() {
    SlackRequests.cos("U0MEMBERP", "pulse new")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("only a Chief of Staff"));
  }
}
