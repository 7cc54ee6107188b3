package dev.cosbot.ask;

import static dev.cosbot.testsupport.SlackRequests.jsonString;

import dev.cosbot.testsupport.SlackRequests;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Signed Slack requests of questions to leadership, as a person's clicks and forms send them. */
final class AskRequests {
  private AskRequests() {}

  static Response ask(String user, String text, boolean named) {
    String values =
        "{\""
            + AskIds.Blocks.QUESTION
            + "\":{\""
            + AskIds.Blocks.QUESTION
            + "\":{\"type\":\"plain_text_input\",\"value\":"
            + jsonString(text)
            + "}},\""
            + AskIds.Blocks.NAMED
            + "\":{\""
            + AskIds.Blocks.NAMED
            + "\":{\"type\":\"checkboxes\",\"selected_options\":["
            + (named ? "{\"value\":\"named\"}" : "")
            + "]}}}";
    return submit(user, AskIds.Callbacks.ASK, "", values);
  }

  /** The board submitted with {@code upVoted} ticked among the questions it showed. */
  static Response vote(String user, String metadata, List<Long> shown, List<Long> upVoted) {
    List<String> blocks = new ArrayList<>();
    for (long id : shown) {
      String block = AskIds.Blocks.VOTE_PREFIX + id;
      blocks.add(
          "\""
              + block
              + "\":{\""
              + block
              + "\":{\"type\":\"checkboxes\",\"selected_options\":["
              + (upVoted.contains(id) ? "{\"value\":\"up\"}" : "")
              + "]}}");
    }
    return submit(user, AskIds.Callbacks.VOTE, metadata, "{" + String.join(",", blocks) + "}");
  }

  static Response click(String user, String actionId, String value) {
    return SlackRequests.interaction(SlackRequests.blockAction(user, actionId, value, "ask_block"));
  }

  static Response submit(String user, String callback, String metadata, String values) {
    return SlackRequests.interaction(
        SlackRequests.viewSubmission(user, callback, metadata, values));
  }

  /** State values of text inputs, selects and radio buttons: block id → (type, value). */
  static String values(Map<String, String[]> fields) {
    List<String> out = new ArrayList<>();
    fields.forEach(
        (block, typeAndValue) -> {
          String type = typeAndValue[0];
          String value = typeAndValue[1];
          String element =
              switch (type) {
                case "static_select", "radio_buttons" ->
                    "{\"type\":\""
                        + type
                        + "\",\"selected_option\":{\"value\":"
                        + jsonString(value)
                        + "}}";
                case "conversations_select" ->
                    "{\"type\":\"conversations_select\",\"selected_conversation\":"
                        + jsonString(value)
                        + "}";
                default -> "{\"type\":\"plain_text_input\",\"value\":" + jsonString(value) + "}";
              };
          out.add("\"" + block + "\":{\"" + block + "\":" + element + "}");
        });
    return "{" + String.join(",", out) + "}";
  }

  /** Web API calls the Slack SDK client sent as forms (views.open), decoded, newest first. */
  static List<String> formCalls(
      com.github.tomakehurst.wiremock.WireMockServer slack, String method, String containing) {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/" + method))
        .map(
            e ->
                java.net.URLDecoder.decode(
                    e.getRequest().getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
        .filter(b -> b.contains(containing))
        .toList();
  }
}
