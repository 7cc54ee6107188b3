package dev.cosbot.ask;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.testsupport.DatabaseFiles;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Asking leadership from the bot's Messages tab, through signed requests: a person writes to the
 * bot, the reply offers "Ask leadership", the click opens the ask form prefilled with what they
 * wrote (read back from Slack, which keeps the DM), and the question is stored with no link to
 * them; the reply itself, as stored in the outbox, holds nothing of what they wrote.
 */
@QuarkusTest
class MessagesTabAskTest extends SlackTestBase {

  @Test
  void aQuestionTypedInTheMessagesTabIsAskedAnonymouslyAndNothingStoredLinksIt() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String person = "U0IM" + run.substring(0, 6).toUpperCase();
    String other = "U0IMOTHER" + run.substring(0, 4).toUpperCase();
    String channel = "D" + person;
    String ts = "1700100000." + run.substring(0, 6).replaceAll("[^0-9]", "1");
    String question = "Will the Berlin team keep its own budget next year? " + run;
    StubMapping history =
        slack.stubFor(
            post(urlPathEqualTo("/api/conversations.history"))
                .withRequestBody(containing(channel))
                .willReturn(
                    okJson(
                        "{\"ok\":true,\"messages\":[{\"type\":\"message\",\"user\":\""
                            + person
                            + "\",\"text\":"
                            + SlackRequests.jsonString(question)
                            + ",\"ts\":\""
                            + ts
                            + "\"}],\"has_more\":false}")));
    try {
      SlackRequests.event(
              "Ev" + run,
              "{\"type\":\"message\",\"channel\":\""
                  + channel
                  + "\",\"user\":\""
                  + person
                  + "\",\"text\":"
                  + SlackRequests.jsonString(question)
                  + ",\"ts\":\""
                  + ts
                  + "\",\"event_ts\":\""
                  + ts
                  + "\",\"channel_type\":\"im\"}",
              null)
          .then()
          .statusCode(200);

      // The reply: the guide, the offer, and plainly what is kept where; none of the text.
      JsonObject reply =
          awaitCalls("chat.postMessage", AskIds.Actions.ASK_FROM_MESSAGES_TAB, 1).stream()
              .filter(c -> channel.equals(c.get("channel").getAsString()))
              .findFirst()
              .orElseThrow();
      assertThat(reply.toString())
          .contains("Ask leadership")
          .contains("doesn't keep what you type here")
          .contains("Slack itself keeps this conversation")
          .doesNotContain(run);
      String value = buttonValue(reply);
      assertThat(value).doesNotContain(run);

      // Someone else with the same button, and a tampered value: the empty form, never the text.
      click(other, value);
      click(person, value.replace("|", "|9"));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> formCalls("views.open", AskIds.Callbacks.ASK + "\"").size() >= 2);
      assertThat(formCalls("views.open", run)).isEmpty();

      // The author's click: the form opens with what they wrote, anonymous by default.
      click(person, value);
      await().atMost(Duration.ofSeconds(20)).until(() -> !formCalls("views.open", run).isEmpty());
      String form = formCalls("views.open", run).get(0);
      JsonObject view =
          JsonParser.parseString(form.substring(form.indexOf("view=") + 5)).getAsJsonObject();
      assertThat(view.get("callback_id").getAsString()).isEqualTo(AskIds.Callbacks.ASK);
      assertThat(view.toString()).contains("Anonymous unless you tick");

      AskRequests.ask(person, question, false).then().statusCode(200);
      awaitScalar(
          "SELECT count(*) FROM ask_question WHERE text LIKE '%" + run + "%' AND asker_id IS NULL",
          1);

      // Storage audit: the question names nobody; what names the person holds nothing they wrote.
      List<String> rows = DatabaseFiles.allRows(dataSource, List.of());
      assertThat(rows.stream().filter(r -> r.contains(run)))
          .isNotEmpty()
          .noneMatch(r -> r.contains(person));
      assertThat(rows.stream().filter(r -> r.contains(person)))
          .allMatch(r -> r.startsWith("outbox_message: ") || r.startsWith("slack_message_ref: "))
          .noneMatch(r -> r.contains(run));
    } finally {
      slack.removeStubMapping(history);
    }
  }

  private static void click(String user, String value) {
    SlackRequests.interaction(
            SlackRequests.blockAction(
                user, AskIds.Actions.ASK_FROM_MESSAGES_TAB, value, "im_offer_0"))
        .then()
        .statusCode(200);
  }

  private static String buttonValue(JsonObject message) {
    for (var block : message.getAsJsonArray("blocks")) {
      JsonObject b = block.getAsJsonObject();
      if (b.has("elements")) {
        for (var e : b.getAsJsonArray("elements")) {
          JsonObject el = e.getAsJsonObject();
          if (el.has("action_id")
              && AskIds.Actions.ASK_FROM_MESSAGES_TAB.equals(el.get("action_id").getAsString())) {
            return el.get("value").getAsString();
          }
        }
      }
    }
    throw new AssertionError("no Ask leadership button in " + message);
  }

  private List<String> formCalls(String method, String containing) {
    return AskRequests.formCalls(slack, method, containing);
  }
}
