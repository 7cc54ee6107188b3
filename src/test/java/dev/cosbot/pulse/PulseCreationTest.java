package dev.cosbot.pulse;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Creating a survey as a Chief of Staff would, through Slack: the form with pickers (a user group
 * chosen by name), the question builder (template, add, remove — redrawn with views.update), the
 * creator told how many people it goes to; the first round's chart is not empty; surveys named by
 * title in commands, with suggestions; tampered ids in buttons and forms refused politely.
 */
@QuarkusTest
class PulseCreationTest extends SlackTestBase {
  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aSurveyIsBuiltWithPickersAndTheBuilderAndTheCreatorIsToldWhoGetsIt() throws Exception {
    List<String> leads = IntStream.rangeClosed(1, 8).mapToObj(i -> "U0EL" + i).toList();
    PulseFlows.stubUsergroup(slack, "S0ENGLEADS", leads, "U0ELBOT", "U0ELGONE");
    PulseFlows.stubGroupList(slack, List.of("S0ENGLEADS"), List.of("eng-leads"));
    slack.stubFor(
        post(urlPathEqualTo("/api/files.getUploadURLExternal"))
            .atPriority(4)
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"upload_url\":\""
                        + slack.baseUrl()
                        + "/upload/F0FIRST\",\"file_id\":\"F0FIRST\"}")));
    slack.stubFor(
        post(urlPathEqualTo("/upload/F0FIRST"))
            .atPriority(4)
            .willReturn(SlackApiTestResource.okJson("OK")));

    SlackRequests.cos("U0ADMIN", "pulse new").then().statusCode(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> !PulseFlows.formCalls(slack, "views.open", PulseIds.NEW_SURVEY_VIEW).isEmpty());
    JsonObject form = PulseFlows.lastView(slack, "views.open");
    assertThat(form.toString())
        .contains("User group", "external_select", "Add question", "Start from a template")
        .doesNotContain("S0123ABC", "one per line)", "type: question");

    // The user-group picker lists groups by name.
    assertThat(
            PulseFlows.groupSuggestion("U0ADMIN", PulseIds.USERGROUP, "eng")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("@eng-leads", "S0ENGLEADS");

    // A template fills the builder.
    PulseFlows.formAction(
            "U0ADMIN",
            PulseIds.PICK_TEMPLATE,
            PulseIds.TEMPLATE,
            null,
            form.get("private_metadata").getAsString(),
            "{\""
                + PulseIds.TEMPLATE
                + "\":{\""
                + PulseIds.PICK_TEMPLATE
                + "\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"t\"},\"value\":\"team_health\"}}}}")
        .then()
        .statusCode(200);
    JsonObject withTemplate = awaitUpdate(1);
    assertThat(withTemplate.toString()).contains("I know what is expected of me at work.");
    assertThat(count(withTemplate.toString(), PulseIds.REMOVE_QUESTION)).isEqualTo(5);

    // Adding a choice question without choices says what is missing; with them it is added.
    PulseFlows.formAction(
            "U0ADMIN",
            PulseIds.ADD_QUESTION,
            "pulse_builder",
            "add",
            withTemplate.get("private_metadata").getAsString(),
            "{" + PulseFlows.newQuestion(5, "Which office do you work from?", "single", "") + "}")
        .then()
        .statusCode(200);
    JsonObject refused = awaitUpdate(2);
    assertThat(refused.toString()).contains("needs 2 to 10 choices");
    PulseFlows.formAction(
            "U0ADMIN",
            PulseIds.ADD_QUESTION,
            "pulse_builder",
            "add",
            refused.get("private_metadata").getAsString(),
            "{"
                + PulseFlows.newQuestion(
                    5, "Which office do you work from?", "single", "Berlin\nLisbon")
                + "}")
        .then()
        .statusCode(200);
    JsonObject added = awaitUpdate(3);
    assertThat(added.toString())
        .contains("Which office do you work from?", "one choice: Berlin · Lisbon");
    assertThat(count(added.toString(), PulseIds.REMOVE_QUESTION)).isEqualTo(6);

    // Removing the first question; a Remove button whose value was changed is refused.
    String firstRemove = PulseFlows.buttonValue(added.toString(), PulseIds.REMOVE_QUESTION);
    PulseFlows.formAction(
            "U0ADMIN",
            PulseIds.REMOVE_QUESTION,
            "pulse_q_0",
            firstRemove.replaceFirst("^0", "3"),
            added.get("private_metadata").getAsString(),
            "{}")
        .then()
        .statusCode(200);
    JsonObject tampered = awaitUpdate(4);
    assertThat(tampered.toString()).contains("expired or was changed");
    assertThat(count(tampered.toString(), PulseIds.REMOVE_QUESTION)).isEqualTo(6);
    PulseFlows.formAction(
            "U0ADMIN",
            PulseIds.REMOVE_QUESTION,
            "pulse_q_0",
            firstRemove,
            added.get("private_metadata").getAsString(),
            "{}")
        .then()
        .statusCode(200);
    JsonObject removed = awaitUpdate(5);
    assertThat(removed.toString()).doesNotContain("I know what is expected of me at work.");
    assertThat(count(removed.toString(), PulseIds.REMOVE_QUESTION)).isEqualTo(5);
    String metadata = removed.get("private_metadata").getAsString();

    // A form whose builder state was changed outside Slack is refused.
    String values =
        PulseFlows.newSurveyValues("Eng leads pulse", null, null, "S0ENGLEADS", true, 5);
    assertThat(
            SlackRequests.interaction(
                    SlackRequests.viewSubmission(
                        "U0ADMIN",
                        PulseIds.NEW_SURVEY_VIEW,
                        metadata.replace("Berlin", "Paris"),
                        values))
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("\"response_action\":\"errors\"", "expired or was changed");
    assertThat(scalar("SELECT count(*) FROM pulse_survey WHERE title = 'Eng leads pulse'"))
        .isZero();

    SlackRequests.interaction(
            SlackRequests.viewSubmission("U0ADMIN", PulseIds.NEW_SURVEY_VIEW, metadata, values))
        .then()
        .statusCode(200);
    long surveyId = scalar("SELECT id FROM pulse_survey WHERE title = 'Eng leads pulse'");
    assertThat(
            scalar(
                "SELECT count(*) FROM pulse_survey WHERE id = "
                    + surveyId
                    + " AND questions LIKE '%Which office%' AND questions NOT LIKE '%expected of me%'"))
        .isEqualTo(1);

    // The creator is told how many people it goes to, and where.
    JsonObject note = awaitCalls("chat.postMessage", "Sending *Eng leads pulse*", 1).get(0);
    assertThat(note.get("channel").getAsString()).isEqualTo("U0ADMIN");
    assertThat(note.toString()).contains("to 8 people in @s0engleads now", "<!date^");
    List<JsonObject> dms = awaitCalls("chat.postMessage", "Pulse survey: Eng leads pulse", 8);
    long roundId = scalar("SELECT id FROM pulse_round WHERE survey_id = " + surveyId);

    // Five answer; the first round's chart shows how the answers spread.
    for (int i = 0; i < 5; i++) {
      List<String> blocks = new java.util.ArrayList<>();
      for (int q = 0; q < 4; q++) {
        blocks.add(PulseFlows.option(q, 1 + (i + q) % 5));
      }
      blocks.add(PulseFlows.option(4, i % 2));
      PulseFlows.answer(leads.get(i), roundId, blocks.toArray(String[]::new))
          .then()
          .statusCode(200);
    }
    SlackRequests.cos("U0ADMIN", "pulse close eng leads").then().statusCode(200);
    awaitCalls("chat.postMessage", "Pulse results: Eng leads pulse", 1);
    // The chart timer was set for "now" at close: Quartz fires it by itself.
    List<String> completed =
        PulseFlows.awaitFormCalls(slack, "files.completeUploadExternal", "Eng leads pulse", 1);
    assertThat(completed.get(0)).contains("answers, round 1").doesNotContain("trend");
    byte[] png =
        slack.findAll(postRequestedFor(urlPathEqualTo("/upload/F0FIRST"))).get(0).getBody();
    assertThat(inkShare(png)).as("share of the chart that is not background").isGreaterThan(0.03);
    assertThat(dms).hasSize(8);
  }

  @Test
  void surveysAreNamedByTitleWithSuggestionsAndTamperedIdsAreRefused() throws Exception {
    List<String> people = List.of("U0NM1", "U0NM2", "U0NM3");
    PulseFlows.stubUsergroup(slack, "S0NAMES", people, "U0NMBOT", "U0NMGONE");
    PulseFlows.submitNewSurvey(
            "U0ADMIN",
            PulseFlows.newSurveyValues("Quarterly focus", "enps", null, "S0NAMES", true, 3))
        .then()
        .statusCode(200);
    long surveyId = scalar("SELECT id FROM pulse_survey WHERE title = 'Quarterly focus'");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> scalar("SELECT count(*) FROM pulse_round WHERE survey_id = " + surveyId) == 1);
    long roundId = scalar("SELECT id FROM pulse_round WHERE survey_id = " + surveyId);
    awaitCalls("chat.postMessage", "Pulse survey: Quarterly focus", 3);

    assertThat(cos("pulse results quarterly focus"))
        .contains("Pulse: Quarterly focus", "0/3 answered so far");
    assertThat(cos("pulse results Quartely focus")).contains("Did you mean *Quarterly focus*");
    assertThat(cos("pulse results"))
        .contains("needs a little more", "/cos pulse results \\u003csurvey\\u003e");
    assertThat(cos("pulse frobnicate")).contains("frobnicate", "fit here", "/cos pulse new");
    assertThat(cos("pulse list"))
        .contains("*Quarterly focus*")
        .doesNotContain("k=", "`" + surveyId + "`");

    // A button or a form whose round id was changed gets the polite "can't find" answer.
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0NM1",
                PulseIds.TAKE_SURVEY,
                PulseFlows.SIGNER.signId(roundId) + "x",
                "pulse_take"))
        .then()
        .statusCode(200);
    assertThat(awaitCalls("chat.postEphemeral", "find that survey", 1).get(0).toString())
        .contains("U0NM1");
    String forged =
        SlackRequests.interaction(
                SlackRequests.viewSubmission(
                    "U0NM2",
                    PulseIds.ANSWER_VIEW,
                    String.valueOf(roundId),
                    "{" + PulseFlows.option(0, 10) + "}"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(forged).contains("find that survey");
    assertThat(scalar("SELECT count(*) FROM pulse_sealed WHERE round_id = " + roundId)).isZero();
  }

  private String cos(String text) {
    return SlackRequests.cos("U0ADMIN", text).then().statusCode(200).extract().asString();
  }

  private JsonObject awaitUpdate(int n) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                PulseFlows.formCalls(slack, "views.update", PulseIds.NEW_SURVEY_VIEW).size() >= n);
    return PulseFlows.lastView(slack, "views.update");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  private static double inkShare(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    long ink = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) image.getWidth() * image.getHeight());
  }
}
