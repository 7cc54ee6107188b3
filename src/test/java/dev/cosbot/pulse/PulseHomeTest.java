package dev.cosbot.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Take survey" on the employee's Home: offered through the pulse feature's Home section only while
 * a survey waits for that person, opening the answer form when clicked, gone once they answered.
 * Signed app_home_opened events in, the views.publish Slack received out.
 */
@QuarkusTest
class PulseHomeTest extends SlackTestBase {

  @Test
  void takeSurveyIsAPrimaryActionOnlyWhileASurveyWaitsForThatPerson() throws Exception {
    List<String> humans = List.of("U0PH1", "U0PH2");
    PulseFlows.stubUsergroup(slack, "S0PULSEH", humans, "U0PHBOT", "U0PHGONE");
    // Before any survey: the employee's usual two actions, no survey section.
    JsonObject before = openHome("U0PH1");
    assertThat(before.toString()).doesNotContain("Take survey", "Surveys waiting for you");

    PulseFlows.submitNewSurvey(
            "U0ADMIN", PulseFlows.newSurveyValues("Home eNPS", "enps", null, "S0PULSEH", true, 3))
        .then()
        .statusCode(200);
    awaitCalls("chat.postMessage", "Pulse survey: Home eNPS", 2);
    long roundId =
        scalar(
            "SELECT r.id FROM pulse_round r JOIN pulse_survey s ON s.id = r.survey_id"
                + " WHERE s.title = 'Home eNPS'");

    JsonObject home = openHome("U0PH1");
    String json = home.toString();
    assertThat(json).contains("Surveys waiting for you", "Home eNPS", "<!date^");
    JsonObject actions =
        home.getAsJsonArray("blocks").asList().stream()
            .map(b -> b.getAsJsonObject())
            .filter(
                b -> b.has("block_id") && b.get("block_id").getAsString().equals("home_actions"))
            .findFirst()
            .orElseThrow();
    List<String> labels =
        actions.getAsJsonArray("elements").asList().stream()
            .map(e -> e.getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
            .toList();
    assertThat(labels).containsExactly("Take survey", "Post update", "Escalate");
    // Someone who was not asked sees no survey on their Home.
    assertThat(openHome("U0PHOTHER").toString())
        .doesNotContain("Take survey", "Surveys waiting for you");

    // Clicking it opens the answer form of that survey, as the DM's button does.
    String value = PulseFlows.buttonValue(actions.toString(), PulseIds.TAKE_SURVEY);
    SlackRequests.interaction(
            SlackRequests.blockAction("U0PH1", PulseIds.TAKE_SURVEY, value, "home_actions"))
        .then()
        .statusCode(200);
    String form = PulseFlows.awaitFormCalls(slack, "views.open", PulseIds.ANSWER_VIEW, 1).get(0);
    assertThat(form).contains("Home eNPS");

    // Once answered, the button and the section are gone; the other person still sees theirs.
    PulseFlows.answer("U0PH1", roundId, PulseFlows.option(0, 9)).then().statusCode(200);
    assertThat(openHome("U0PH1").toString())
        .doesNotContain("Take survey", "Surveys waiting for you");
    assertThat(openHome("U0PH2").toString()).contains("Take survey", "Home eNPS");
  }
}
