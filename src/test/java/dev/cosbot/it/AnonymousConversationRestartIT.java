package dev.cosbot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.ask.AskIds;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An anonymous conversation between a Chief of Staff and the anonymous asker of a question, run on
 * the packaged application: three turns, then a real restart of the process, then the conversation
 * goes on in both directions. Everything either side clicks comes from what Slack (WireMock)
 * received, as a person sees it; nothing is carried over in memory.
 */
class AnonymousConversationRestartIT {
  private static final String COS = "U0CONVCOS";
  private static final String ASKER = "U0CONVASKER";

  @Test
  void threeTurnsThenARestartThenBothDirectionsStillWork() throws Exception {
    Path dataDir = Path.of("target", "it-data", "conversation-" + UUID.randomUUID());
    Files.createDirectories(dataDir);
    String run = UUID.randomUUID().toString().substring(0, 8);
    try (ItSlack slack = new ItSlack()) {
      Map<String, String> env = slack.env();
      env.put("COSBOT_DATA_DIR", dataDir.toString());
      env.put("COSBOT_ADMINS", COS);
      SlackApiTestResource.knowsUser(slack.server, COS, "cos", "Cora Staff", "UTC");
      SlackApiTestResource.knowsUser(slack.server, ASKER, "asker", "Ash Asker", "UTC");

      String question = "Why did the office move get decided without asking us? " + run;
      String turn1 = "Thanks for asking. Which part of the move hurts most? " + run;
      String turn2 = "The longer commute for the support team, mostly. " + run;
      String turn3 = "Understood. Would a later start for support help? " + run;
      String turn4 = "Yes, a later start on Mondays would help a lot. " + run;

      AppProcess first = new AppProcess("conversation-1", env).start();
      try {
        // The member asks anonymously; the Chief of Staff's card offers "Reply to asker…".
        assertThat(
                submit(
                        slack,
                        first,
                        ASKER,
                        AskIds.Callbacks.ASK,
                        "",
                        "{"
                            + text(AskIds.Blocks.QUESTION, AskIds.Blocks.QUESTION, question)
                            + ",\""
                            + AskIds.Blocks.NAMED
                            + "\":{\""
                            + AskIds.Blocks.NAMED
                            + "\":{\"type\":\"checkboxes\",\"selected_options\":[]}}}")
                    .statusCode())
            .isEqualTo(200);
        JsonObject card = awaitPost(slack, COS, question, 1).get(0);
        String replyToAsker = buttonValue(card, AskIds.Actions.REPLY_TO_ASKER);

        // Turn 1: the Chief of Staff writes to the unknown asker.
        JsonObject start =
            clickAndAwaitView(
                slack, first, COS, AskIds.Actions.REPLY_TO_ASKER, replyToAsker, question);
        submit(
            slack,
            first,
            COS,
            AskIds.Callbacks.CONVERSATION_START,
            start.get("private_metadata").getAsString(),
            "{" + message(turn1) + "}");
        JsonObject note1 = awaitNote(slack, 1);
        assertThat(note1.toString()).doesNotContain(run);

        // Turn 2: the asker opens the note, reads it, and answers anonymously.
        int toCosBefore = postsTo(slack, COS, "").size();
        JsonObject writerView =
            clickAndAwaitView(
                slack,
                first,
                ASKER,
                AskIds.Actions.READ_NOTE,
                buttonValue(note1, AskIds.Actions.READ_NOTE),
                turn1);
        assertThat(writerView.toString()).contains("arrives as soon as you send it");
        // No read receipt: opening the note tells the Chief of Staff nothing (no timing to read).
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> postsTo(slack, COS, "").size() == toCosBefore);
        submit(
            slack,
            first,
            ASKER,
            AskIds.Callbacks.CONVERSATION_WRITER,
            writerView.get("private_metadata").getAsString(),
            "{" + message(turn2) + "}");
        awaitPost(slack, COS, turn2, 1);

        // Turn 3 starts from the Chief of Staff's DM: open the reply form before the restart.
        JsonObject toCos = awaitPost(slack, COS, turn2, 1).get(0);
        clickAndAwaitView(
            slack,
            first,
            COS,
            AskIds.Actions.COS_REPLY,
            buttonValue(toCos, AskIds.Actions.COS_REPLY),
            turn2);
      } finally {
        first.stop();
      }

      AppProcess second = new AppProcess("conversation-2", env).start();
      try {
        // The Chief of Staff clicks Reply on the DM they received before the restart.
        JsonObject toCos = awaitPost(slack, COS, turn2, 1).get(0);
        JsonObject cosView =
            clickAndAwaitView(
                slack,
                second,
                COS,
                AskIds.Actions.COS_REPLY,
                buttonValue(toCos, AskIds.Actions.COS_REPLY),
                turn2);
        assertThat(cosView.toString()).contains(turn1).contains("Anonymous");
        submit(
            slack,
            second,
            COS,
            AskIds.Callbacks.CONVERSATION_COS,
            cosView.get("private_metadata").getAsString(),
            "{" + message(turn3) + "}");
        // Chief of Staff → asker after the restart.
        JsonObject note2 = awaitNote(slack, 2);
        assertThat(note2.toString()).doesNotContain(run);
        JsonObject thread =
            clickAndAwaitView(
                slack,
                second,
                ASKER,
                AskIds.Actions.READ_NOTE,
                buttonValue(note2, AskIds.Actions.READ_NOTE),
                turn3);
        assertThat(thread.toString()).contains(turn1).contains(turn2).contains(turn3);
        // Asker → Chief of Staff after the restart.
        submit(
            slack,
            second,
            ASKER,
            AskIds.Callbacks.CONVERSATION_WRITER,
            thread.get("private_metadata").getAsString(),
            "{" + message(turn4) + "}");
        awaitPost(slack, COS, turn4, 1);
      } finally {
        second.stop();
      }

      // The Chief of Staff's side never contains the asker's id: not their DMs, not the forms
      // they were shown.
      List<JsonObject> toCosSide = new ArrayList<>();
      for (JsonObject post : posts(slack)) {
        if (COS.equals(channel(post))) {
          toCosSide.add(post);
        }
      }
      assertThat(toCosSide).hasSizeGreaterThanOrEqualTo(3);
      assertThat(toCosSide).noneMatch(p -> p.toString().contains(ASKER));
      assertThat(views(slack, "Anonymous")).isNotEmpty().noneMatch(v -> v.contains(ASKER));
      // And the asker's notes never quote what was said: they are opened through the bot.
      assertThat(posts(slack).stream().filter(p -> ASKER.equals(channel(p))).toList())
          .hasSize(2)
          .noneMatch(p -> p.toString().contains(run));
    }
  }

  private static HttpResponse<String> submit(
      ItSlack slack, AppProcess app, String user, String callback, String metadata, String values)
      throws Exception {
    HttpResponse<String> response =
        slack.signedPost(
            app,
            SlackRequests.form(
                "payload", SlackRequests.viewSubmission(user, callback, metadata, values)),
            "application/x-www-form-urlencoded",
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("\"errors\"");
    return response;
  }

  /** Clicks a button and returns the modal Slack was asked to open (the newest with the text). */
  private static JsonObject clickAndAwaitView(
      ItSlack slack, AppProcess app, String user, String action, String value, String expecting)
      throws Exception {
    int before = views(slack, expecting).size();
    HttpResponse<String> response =
        slack.signedPost(
            app,
            SlackRequests.form(
                "payload", SlackRequests.blockAction(user, action, value, "it_block")),
            "application/x-www-form-urlencoded",
            null);
    assertThat(response.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> views(slack, expecting).size() > before);
    String form = views(slack, expecting).get(0); // WireMock lists the newest first
    return JsonParser.parseString(form.substring(form.indexOf("view=") + 5)).getAsJsonObject();
  }

  private static List<String> views(ItSlack slack, String containing) {
    return slack.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/views.open"))
        .map(e -> URLDecoder.decode(e.getRequest().getBodyAsString(), StandardCharsets.UTF_8))
        .filter(b -> b.contains(containing))
        .toList();
  }

  private static List<JsonObject> posts(ItSlack slack) {
    return slack.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/chat.postMessage"))
        .map(ServeEvent::getRequest)
        .filter(r -> r.getBodyAsString().trim().startsWith("{"))
        .map(r -> JsonParser.parseString(r.getBodyAsString()).getAsJsonObject())
        .toList();
  }

  private static List<JsonObject> awaitPost(
      ItSlack slack, String channel, String containing, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> postsTo(slack, channel, containing).size() >= count);
    return postsTo(slack, channel, containing);
  }

  private static List<JsonObject> postsTo(ItSlack slack, String channel, String containing) {
    return posts(slack).stream()
        .filter(p -> channel.equals(channel(p)) && p.toString().contains(containing))
        .toList();
  }

  /** The {@code count}-th sealed note to the asker (newest first in the list). */
  private static JsonObject awaitNote(ItSlack slack, int count) {
    return awaitPost(slack, ASKER, AskIds.Actions.READ_NOTE, count).get(0);
  }

  private static String channel(JsonObject body) {
    return body.has("channel") ? body.get("channel").getAsString() : null;
  }

  /** The value of the button {@code actionId} anywhere in a message. */
  private static String buttonValue(JsonObject message, String actionId) {
    return find(message, actionId)
        .orElseThrow(() -> new AssertionError("no button " + actionId + " in " + message));
  }

  private static Optional<String> find(JsonElement e, String actionId) {
    if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      if (o.has("action_id") && actionId.equals(o.get("action_id").getAsString())) {
        return Optional.of(o.get("value").getAsString());
      }
      for (Map.Entry<String, JsonElement> child : o.entrySet()) {
        Optional<String> found = find(child.getValue(), actionId);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (e.isJsonArray()) {
      for (JsonElement child : e.getAsJsonArray()) {
        Optional<String> found = find(child, actionId);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String message(String value) {
    return text(AskIds.Blocks.MESSAGE, "m", value);
  }

  private static String text(String block, String action, String value) {
    return "\""
        + block
        + "\":{\""
        + action
        + "\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(value)
        + "}}";
  }
}
