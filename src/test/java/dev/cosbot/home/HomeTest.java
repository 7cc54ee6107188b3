package dev.cosbot.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Home tab per role, its primary actions through signed clicks, and the Messages tab's guide:
 * signed Slack requests in, what WireMock received out.
 */
@QuarkusTest
class HomeTest extends SlackTestBase {

  private static List<JsonObject> buttons(JsonObject view) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement b : view.getAsJsonArray("blocks")) {
      JsonObject block = b.getAsJsonObject();
      if ("home_actions".equals(block.has("block_id") ? block.get("block_id").getAsString() : "")) {
        JsonArray elements = block.getAsJsonArray("elements");
        elements.forEach(e -> out.add(e.getAsJsonObject()));
      }
    }
    return out;
  }

  private static List<String> labels(JsonObject view) {
    return buttons(view).stream()
        .map(b -> b.getAsJsonObject("text").get("text").getAsString())
        .toList();
  }

  @Test
  void eachRoleSeesItsOwnPrimaryActionsAtTheTop() {
    assertThat(labels(openHome("U0HOMEEMP"))).containsExactly("Post update", "Escalate");
    assertThat(labels(openHome("U0ADMIN")))
        .containsExactly("New initiative", "New survey", "New cadence");
    assertThat(labels(openHome("U0CXO"))).containsExactly("Decisions waiting", "Today's digest");
    JsonObject view = openHome("U0ADMIN");
    assertThat(view.getAsJsonArray("blocks").get(2).getAsJsonObject().get("block_id").getAsString())
        .as("the actions come right after the title and one line")
        .isEqualTo("home_actions");
  }

  @Test
  void aPrimaryActionRunsItsCommandForTheClicker() {
    JsonObject newInitiative = buttons(openHome("U0ADMIN")).get(0);
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0ADMIN",
                newInitiative.get("action_id").getAsString(),
                newInitiative.get("value").getAsString(),
                "home_actions"))
        .then()
        .statusCode(200);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(() -> !viewsOpened().isEmpty());
    assertThat(viewsOpened().get(0))
        .contains("trigger_id=trigger-")
        .containsIgnoringCase("initiative");

    JsonObject decisions = buttons(openHome("U0CXO")).get(0);
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0CXO",
                decisions.get("action_id").getAsString(),
                decisions.get("value").getAsString(),
                "home_actions"))
        .then()
        .statusCode(200);
    JsonObject answer = awaitCalls("chat.postMessage", "\"channel\":\"U0CXO\"", 1).get(0);
    assertThat(answer.get("text").getAsString()).containsIgnoringCase("decision");
  }

  @Test
  void aTamperedOrSomeoneElsesButtonIsRefusedPolitely() {
    JsonObject newInitiative = buttons(openHome("U0ADMIN")).get(0);
    String value = newInitiative.get("value").getAsString();
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0ADMIN", "home_action_0", value.replace("initiative new", "pulse new"), "x"))
        .then()
        .statusCode(200);
    SlackRequests.interaction(SlackRequests.blockAction("U0OTHER", "home_action_0", value, "x"))
        .then()
        .statusCode(200);
    assertThat(awaitCalls("chat.postEphemeral", "That button has expired", 2)).hasSize(2);
    assertThat(viewsOpened()).isEmpty();
  }

  @Test
  void theMessagesTabAnswersHelpAndAnythingElseWithAShortGuideButNotItsOwnMessages() {
    message("U0TYPER", "help", "1700000001.000100", null);
    message("U0TYPER", "what can you do", "1700000002.000100", null);
    message("U0TYPER", "a message I sent", "1700000003.000100", "B0SELF");
    List<String> answers =
        awaitCalls("chat.postMessage", "DU0TYPER", 2).stream()
            .map(a -> a.get("text").getAsString())
            .toList();
    assertThat(answers)
        .anySatisfy(
            a ->
                assertThat(a)
                    .startsWith("*Here's what you can do with cos-bot:*")
                    .contains("`/cos status`"));
    assertThat(answers)
        .anySatisfy(
            a ->
                assertThat(a)
                    .startsWith("I can't act on what is typed here")
                    .contains("`/cos help"));
    // A retried delivery of the same message is answered once.
    message("U0TYPER", "help", "1700000001.000100", null);
    assertThat(matching("chat.postMessage", "DU0TYPER")).hasSize(2);
  }

  private static void message(String user, String text, String ts, String botId) {
    SlackRequests.event(
            "Ev" + UUID.randomUUID().toString().substring(0, 8),
            "{\"type\":\"message\",\"channel\":\"D"
                + user
                + "\",\"user\":\""
                + user
                + "\",\"text\":"
                + SlackRequests.jsonString(text)
                + ",\"ts\":\""
                + ts
                + "\",\"event_ts\":\""
                + ts
                + "\",\"channel_type\":\"im\""
                + (botId == null ? "" : ",\"bot_id\":\"" + botId + "\"")
                + "}",
            null)
        .then()
        .statusCode(200);
  }
}
