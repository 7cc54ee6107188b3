package dev.cosbot.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.ask.AskIds;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An anonymous conversation of three turns between a Chief of Staff and the writer of a pulse
 * comment, through signed Slack requests: each side receives the other's messages, the Chief of
 * Staff's side never holds the writer's id, and the writer can close it.
 */
@QuarkusTest
class PulseConversationTest extends SlackTestBase {
  private static final String COS = "U0ADMIN";

  @Inject SignedMetadata signer;

  @Test
  void threeTurnsBothWaysWithoutTheChiefOfStaffLearningWhoWrote() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> people =
        IntStream.rangeClosed(1, 4)
            .mapToObj(i -> "U0CV" + run.substring(0, 4).toUpperCase() + i)
            .toList();
    String writer = people.get(1);
    String group = "S0CONV" + run.toUpperCase();
    String title = "Conversation pulse " + run;
    PulseFlows.stubUsergroup(
        slack, group, people, "U0CVBOT" + run.substring(0, 4), "U0CVGONE" + run.substring(0, 4));
    PulseFlows.submitNewSurvey(COS, PulseFlows.newSurveyValues(title, "enps", null, group, true, 3))
        .then()
        .statusCode(200);
    awaitScalar(
        "SELECT count(*) FROM pulse_round r JOIN pulse_survey s ON s.id = r.survey_id WHERE s.title = '"
            + title
            + "'",
        1);
    long roundId =
        scalar(
            "SELECT r.id FROM pulse_round r JOIN pulse_survey s ON s.id = r.survey_id WHERE s.title = '"
                + title
                + "'");
    for (int i = 0; i < people.size(); i++) {
      PulseFlows.answer(
              people.get(i),
              roundId,
              PulseFlows.option(0, 8),
              PulseFlows.text(1, "comment " + run + " number " + i))
          .then()
          .statusCode(200);
    }
    long surveyId = scalar("SELECT id FROM pulse_survey WHERE title = '" + title + "'");
    SlackRequests.cos(COS, "pulse close " + surveyId).then().statusCode(200);
    awaitScalar("SELECT count(*) FROM pulse_round WHERE closed AND id = " + roundId, 1);

    // Turn 1: the Chief of Staff picks the comment and writes to its unknown writer.
    SlackRequests.cos(COS, "ask reply").then().statusCode(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !PulseFlows.formCalls(slack, "views.open", AskIds.Callbacks.CONVERSATION_START)
                    .isEmpty());
    JsonObject startView =
        view(PulseFlows.formCalls(slack, "views.open", AskIds.Callbacks.CONVERSATION_START).get(0));
    String ref = optionValue(startView, "comment " + run + " number 1");
    String first = "Thanks for this. What would make on-call fairer? " + run;
    submit(
            COS,
            AskIds.Callbacks.CONVERSATION_START,
            startView.get("private_metadata").getAsString(),
            "{\""
                + AskIds.Blocks.SUBJECT
                + "\":{\"s\":{\"type\":\"static_select\",\"selected_option\":{\"value\":"
                + SlackRequests.jsonString(ref)
                + "}}},"
                + message(first)
                + "}")
        .then()
        .statusCode(200)
        .body(containsString("Sent"));
    // The writer gets a sealed note that quotes nothing.
    JsonObject note1 = awaitCalls("chat.postMessage", AskIds.Actions.READ_NOTE, 1).get(0);
    assertThat(note1.get("channel").getAsString()).isEqualTo(writer);
    assertThat(note1.toString()).doesNotContain(run);

    // Turn 2: the writer opens it, reads the Chief of Staff's words, and answers anonymously.
    JsonObject writerView = open(writer, buttonValue(note1), first);
    String conversationMetadata = writerView.get("private_metadata").getAsString();
    String second = "A rota that skips people back from leave. " + run;
    submit(
            writer,
            AskIds.Callbacks.CONVERSATION_WRITER,
            conversationMetadata,
            "{" + message(second) + "}")
        .then()
        .statusCode(200)
        .body(containsString("Sent, anonymously"));
    JsonObject toCos = awaitCalls("chat.postMessage", second, 1).get(0);
    assertThat(toCos.get("channel").getAsString()).isEqualTo(COS);

    // Nothing in memory carries the conversation: what follows uses only what Slack holds (the
    // buttons of the messages it received) and the database, as after a restart.
    forgetRoles();

    // Turn 3: the Chief of Staff replies from their DM; the writer receives it.
    JsonObject cosView = open(COS, buttonValue(toCos), second);
    assertThat(cosView.toString()).contains("Anonymous").contains(first);
    String third = "Good idea, we will try it next quarter. " + run;
    submit(
            COS,
            AskIds.Callbacks.CONVERSATION_COS,
            cosView.get("private_metadata").getAsString(),
            "{" + message(third) + "}")
        .then()
        .statusCode(200);
    List<JsonObject> notes = awaitCalls("chat.postMessage", AskIds.Actions.READ_NOTE, 2);
    JsonObject note2 = notes.get(notes.size() - 1);
    assertThat(note2.get("channel").getAsString()).isEqualTo(writer);
    JsonObject thread = open(writer, buttonValue(note2), third);
    assertThat(thread.toString()).contains(first).contains(second).contains(third);

    // The writer closes it; the Chief of Staff is told, and can't send more.
    submit(
            writer,
            AskIds.Callbacks.CONVERSATION_WRITER,
            conversationMetadata,
            "{\""
                + AskIds.Blocks.CLOSE
                + "\":{\"c\":{\"type\":\"checkboxes\",\"selected_options\":[{\"value\":\"close\"}]}}}")
        .then()
        .statusCode(200)
        .body(containsString("Closed"));
    awaitCalls("chat.postMessage", "closed the conversation", 1);
    submit(
            COS,
            AskIds.Callbacks.CONVERSATION_COS,
            cosView.get("private_metadata").getAsString(),
            "{" + message("One more thing") + "}")
        .then()
        .statusCode(200)
        .body(containsString("closed"));

    // Someone else can't open the writer's note.
    SlackRequests.interaction(
            SlackRequests.blockAction(
                people.get(0), AskIds.Actions.READ_NOTE, buttonValue(note2), "b"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "isn't for you", 1);

    // The Chief of Staff's side never contains the writer's id: not their DMs, not the forms
    // they were shown, not the conversation rows.
    for (String method : List.of("chat.postMessage", "chat.update", "chat.postEphemeral")) {
      assertThat(calls(method).stream().filter(c -> c.toString().contains("\"" + COS + "\"")))
          .noneMatch(c -> c.toString().contains(writer));
    }
    assertThat(PulseFlows.formCalls(slack, "views.open", "Anonymous"))
        .noneMatch(b -> b.contains(writer));
    assertThat(
            scalar(
                "SELECT count(*) FROM ask_conversation c JOIN ask_conversation_message m ON m.conversation_id = c.id"
                    + " WHERE c::text LIKE '%"
                    + writer
                    + "%' OR m::text LIKE '%"
                    + writer
                    + "%'"))
        .isZero();
    assertThat(scalar("SELECT count(*) FROM ask_conversation_message WHERE author_id IS NULL"))
        .isEqualTo(1);
  }

  private JsonObject open(String user, String token, String expecting) {
    int before = PulseFlows.formCalls(slack, "views.open", expecting).size();
    SlackRequests.interaction(SlackRequests.blockAction(user, actionOf(token), token, "b"))
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> PulseFlows.formCalls(slack, "views.open", expecting).size() > before);
    return view(PulseFlows.formCalls(slack, "views.open", expecting).get(0)); // newest first
  }

  /** Buttons carry their action id alongside: notes open with READ_NOTE, the CoS DM with Reply. */
  private String lastAction = AskIds.Actions.READ_NOTE;

  private String actionOf(String token) {
    return lastAction;
  }

  private String buttonValue(JsonObject message) {
    JsonObject button =
        message
            .getAsJsonArray("blocks")
            .get(1)
            .getAsJsonObject()
            .getAsJsonArray("elements")
            .get(0)
            .getAsJsonObject();
    lastAction = button.get("action_id").getAsString();
    return button.get("value").getAsString();
  }

  private static String message(String text) {
    return "\""
        + AskIds.Blocks.MESSAGE
        + "\":{\"m\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(text)
        + "}}";
  }

  private static io.restassured.response.Response submit(
      String user, String callback, String metadata, String values) {
    return SlackRequests.interaction(
        SlackRequests.viewSubmission(user, callback, metadata, values));
  }

  private static JsonObject view(String formBody) {
    String json = formBody.substring(formBody.indexOf("view=") + 5);
    return JsonParser.parseString(json).getAsJsonObject();
  }

  private static String optionValue(JsonObject view, String containing) {
    for (JsonElement block : view.getAsJsonArray("blocks")) {
      JsonObject element = block.getAsJsonObject().getAsJsonObject("element");
      if (element == null || !element.has("options")) {
        continue;
      }
      JsonArray options = element.getAsJsonArray("options");
      for (JsonElement o : options) {
        if (o.getAsJsonObject()
            .getAsJsonObject("text")
            .get("text")
            .getAsString()
            .contains(containing)) {
          return o.getAsJsonObject().get("value").getAsString();
        }
      }
    }
    throw new AssertionError("no option with " + containing + " in " + view);
  }
}
