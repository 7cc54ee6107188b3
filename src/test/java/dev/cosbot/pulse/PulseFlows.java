package dev.cosbot.pulse;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import io.restassured.response.Response;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Slack-side helpers shared by the pulse tests: stubbed audiences and the modal payloads Slack
 * sends.
 */
final class PulseFlows {
  private PulseFlows() {}

  /** Slack knows {@code humans}, a bot and a deactivated account, all members of {@code group}. */
  static void stubUsergroup(
      WireMockServer slack, String group, List<String> humans, String bot, String deactivated) {
    String members =
        java.util.stream.Stream.concat(
                humans.stream(), java.util.stream.Stream.of(bot, deactivated))
            .map(u -> "\"" + u + "\"")
            .collect(Collectors.joining(","));
    slack.stubFor(
        post(urlPathEqualTo("/api/usergroups.users.list"))
            .atPriority(5)
            .withRequestBody(containing("usergroup=" + group))
            .willReturn(SlackApiTestResource.okJson("{\"ok\":true,\"users\":[" + members + "]}")));
    for (String u : humans) {
      stubUser(slack, u, false, false);
    }
    stubUser(slack, bot, true, false);
    stubUser(slack, deactivated, false, true);
  }

  static void stubUser(WireMockServer slack, String id, boolean bot, boolean deleted) {
    slack.stubFor(
        post(urlPathEqualTo("/api/users.info"))
            .atPriority(5)
            .withRequestBody(containing("user=" + id))
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"user\":{\"id\":\""
                        + id
                        + "\",\"name\":\""
                        + id.toLowerCase()
                        + "\",\"is_bot\":"
                        + bot
                        + ",\"deleted\":"
                        + deleted
                        + ",\"tz\":\"Europe/Paris\","
                        + "\"profile\":{\"display_name\":\""
                        + id
                        + "\",\"real_name\":\"Person "
                        + id
                        + "\"}}}")));
  }

  /** The new-survey modal as Slack submits it: a template, a user group, "now". */
  static String newSurveyValues(
      String title, String template, String questions, String usergroup, boolean anonymous, int k) {
    return "{"
        + "\"pulse_title\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(title)
        + "}},"
        + "\"pulse_template\":{\"value\":{\"type\":\"static_select\",\"selected_option\":"
        + (template == null
            ? "null"
            : "{\"text\":{\"type\":\"plain_text\",\"text\":\"t\"},\"value\":\"" + template + "\"}")
        + "}},"
        + typedQuestion(questions)
        + "\"pulse_channel\":{\"value\":{\"type\":\"conversations_select\",\"selected_conversation\":null}},"
        + "\"pulse_usergroup\":{\""
        + PulseIds.GROUP_PICKER
        + "\":{\"type\":\"external_select\",\"selected_option\":"
        + (usergroup == null
            ? "null"
            : "{\"text\":{\"type\":\"plain_text\",\"text\":\"@"
                + usergroup.toLowerCase()
                + "\"},\"value\":"
                + SlackRequests.jsonString(usergroup)
                + "}")
        + "}},"
        + "\"pulse_people\":{\"value\":{\"type\":\"multi_users_select\",\"selected_users\":[]}},"
        + "\"pulse_anonymity\":{\"value\":{\"type\":\"radio_buttons\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"a\"},\"value\":\""
        + (anonymous ? "anonymous" : "named")
        + "\"}}},"
        + "\"pulse_schedule\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"now\"},\"value\":\"now\"}}},"
        + "\"pulse_start_date\":{\"value\":{\"type\":\"datepicker\",\"selected_date\":null}},"
        + "\"pulse_start_time\":{\"value\":{\"type\":\"timepicker\",\"selected_time\":null}},"
        + "\"pulse_open_for\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"3\"},\"value\":\"3\"}}},"
        + "\"pulse_min_answers\":{\"value\":{\"type\":\"number_input\",\"value\":\""
        + k
        + "\"}}"
        + "}";
  }

  /** Signs ids as the app does (same signing secret as the test app). */
  static final SignedMetadata SIGNER =
      SignedMetadata.withSecret(SlackApiTestResource.SIGNING_SECRET);

  /**
   * A question typed into the builder's "new question" inputs ({@code type: text}, the first line
   * only), not yet added: the form adds it on submit.
   */
  private static String typedQuestion(String line) {
    if (line == null || line.isBlank()) {
      return "";
    }
    String first = line.lines().findFirst().orElse("");
    int colon = first.indexOf(':');
    String type = colon < 0 ? "nope" : first.substring(0, colon).trim();
    String text = colon < 0 ? first : first.substring(colon + 1).trim();
    return "\""
        + PulseIds.NEW_QUESTION_TEXT
        + "0\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(text)
        + "}},\""
        + PulseIds.NEW_QUESTION_TYPE
        + "0\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"t\"},\"value\":"
        + SlackRequests.jsonString(type)
        + "}}},";
  }

  /** Clicks "Take the survey" in the DM of round {@code roundId}. */
  static Response take(String user, long roundId) {
    return SlackRequests.interaction(
        SlackRequests.blockAction(
            user, PulseIds.TAKE_SURVEY, SIGNER.signId(roundId), "pulse_take"));
  }

  static Response submitNewSurvey(String admin, String values) {
    return SlackRequests.interaction(
        SlackRequests.viewSubmission(admin, PulseIds.NEW_SURVEY_VIEW, "", values));
  }

  /**
   * Form-encoded calls (Bolt's own client: views.open, files.*), URL-decoded, whose body contains
   * {@code text}.
   */
  static List<String> formCalls(WireMockServer slack, String method, String text) {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/" + method))
        .map(
            e ->
                java.net.URLDecoder.decode(
                    e.getRequest().getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
        .filter(b -> text == null || b.contains(text))
        .toList();
  }

  static List<String> awaitFormCalls(WireMockServer slack, String method, String text, int count) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(() -> formCalls(slack, method, text).size() >= count);
    return formCalls(slack, method, text);
  }

  /** A selected option in an answer modal block. */
  static String option(int question, int value) {
    return "\"q"
        + question
        + "\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\""
        + value
        + "\"},\"value\":\""
        + value
        + "\"}}}";
  }

  static String text(int question, String text) {
    return "\"q"
        + question
        + "\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(text)
        + "}}";
  }

  /**
   * Submits the answer modal of {@code roundId} as {@code user}; returns Slack's view of our
   * answer.
   */
  static Response answer(String user, long roundId, String... blocks) {
    return SlackRequests.interaction(
        SlackRequests.viewSubmission(
            user,
            PulseIds.ANSWER_VIEW,
            SIGNER.signId(roundId),
            "{" + String.join(",", blocks) + "}"));
  }

  /** Slack's usergroups.users.list for {@code group}: exactly {@code members}. */
  static void stubGroupMembers(WireMockServer slack, String group, List<String> members) {
    slack.stubFor(
        post(urlPathEqualTo("/api/usergroups.users.list"))
            .atPriority(5)
            .withRequestBody(containing("usergroup=" + group))
            .willReturn(
                SlackApiTestResource.okJson(
                    "{\"ok\":true,\"users\":["
                        + members.stream()
                            .map(u -> "\"" + u + "\"")
                            .collect(Collectors.joining(","))
                        + "]}")));
  }

  /** Slack's usergroups.list: {@code handles} as groups {@code ids}, in order. */
  static void stubGroupList(WireMockServer slack, List<String> ids, List<String> handles) {
    StringBuilder groups = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      groups
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(ids.get(i))
          .append("\",\"team_id\":\"T0ACME\",\"is_usergroup\":true,\"name\":\"")
          .append(handles.get(i).replace('-', ' '))
          .append("\",\"handle\":\"")
          .append(handles.get(i))
          .append("\",\"date_delete\":0,\"user_count\":3}");
    }
    slack.stubFor(
        post(urlPathEqualTo("/api/usergroups.list"))
            .atPriority(5)
            .willReturn(
                SlackApiTestResource.okJson("{\"ok\":true,\"usergroups\":[" + groups + "]}")));
  }

  /** What Slack sends when someone types {@code typed} into a user-group picker of the form. */
  static Response groupSuggestion(String user, String blockId, String typed) {
    return SlackRequests.interaction(
        "{\"type\":\"block_suggestion\",\"user\":{\"id\":\""
            + user
            + "\",\"team_id\":\"T0ACME\"},\"team\":{\"id\":\"T0ACME\",\"domain\":\"acme\"},"
            + "\"api_app_id\":\"A0COSBOT\",\"token\":\"legacy\",\"container\":{\"type\":\"view\",\"view_id\":\"V0"
            + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\"},"
            + "\"action_id\":\""
            + PulseIds.GROUP_PICKER
            + "\",\"block_id\":\""
            + blockId
            + "\",\"value\":"
            + SlackRequests.jsonString(typed)
            + ",\"view\":{\"id\":\"V0MODAL\",\"type\":\"modal\",\"callback_id\":\""
            + PulseIds.NEW_SURVEY_VIEW
            + "\"}}");
  }

  /** The teams block of the new-survey modal with these groups picked (id → label). */
  static String slices(List<String> ids, List<String> labels) {
    StringBuilder picked = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      picked
          .append(i == 0 ? "" : ",")
          .append("{\"text\":{\"type\":\"plain_text\",\"text\":")
          .append(SlackRequests.jsonString(labels.get(i)))
          .append("},\"value\":\"")
          .append(ids.get(i))
          .append("\"}");
    }
    return "\""
        + PulseIds.SLICES
        + "\":{\""
        + PulseIds.GROUP_PICKER
        + "\":{\"type\":\"multi_external_select\",\"selected_options\":["
        + picked
        + "]}}";
  }

  /**
   * A five-question recipient's whole path: presses "Take the survey" in their own DM ({@code
   * dmJson}, as captured) and submits {@code score} for every question of {@code roundId}.
   */
  static void takeAndAnswerAll(String person, String dmJson, long roundId, int score) {
    SlackRequests.interaction(
            SlackRequests.blockAction(
                person,
                PulseIds.TAKE_SURVEY,
                buttonValue(dmJson, PulseIds.TAKE_SURVEY),
                "pulse_take"))
        .then()
        .statusCode(200);
    answer(
            person,
            roundId,
            option(0, score),
            option(1, score),
            option(2, score),
            option(3, score),
            option(4, score))
        .then()
        .statusCode(200);
  }

  /** The value of the button {@code actionId} in a captured message or view (JSON text). */
  static String buttonValue(String json, String actionId) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "\"action_id\":\""
                    + java.util.regex.Pattern.quote(actionId)
                    + "\"[^}]*?\"value\":\"([^\"]+)\"")
            .matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + actionId + " button in " + json);
    }
    return m.group(1);
  }

  /**
   * The view of the last captured {@code views.open} or {@code views.update} call (form-encoded).
   */
  static com.google.gson.JsonObject lastView(WireMockServer slack, String method) {
    List<String> calls = formCalls(slack, method, PulseIds.NEW_SURVEY_VIEW);
    if (calls.isEmpty()) {
      throw new AssertionError("no " + method + " call for the survey form");
    }
    String body = calls.get(0); // WireMock lists the newest first
    for (String pair : body.split("&(?=[a-z_]+=)")) {
      if (pair.startsWith("view=")) {
        return com.google.gson.JsonParser.parseString(pair.substring(5)).getAsJsonObject();
      }
    }
    throw new AssertionError("no view in " + body);
  }

  /**
   * A click inside the open new-survey form, as Slack sends it: the form's current metadata and the
   * values typed so far ({@code stateJson} is the {@code state.values} object).
   */
  static Response formAction(
      String user,
      String actionId,
      String blockId,
      String value,
      String metadata,
      String stateJson) {
    return SlackRequests.interaction(
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + user
            + "\",\"username\":\"u\",\"team_id\":\"T0ACME\"},\"api_app_id\":\"A0COSBOT\",\"token\":\"legacy\","
            + "\"container\":{\"type\":\"view\",\"view_id\":\"V0NEWFORM\"},\"trigger_id\":\"trigger-"
            + java.util.UUID.randomUUID()
            + "\",\"team\":{\"id\":\"T0ACME\",\"domain\":\"acme\"},"
            + "\"view\":{\"id\":\"V0NEWFORM\",\"team_id\":\"T0ACME\",\"type\":\"modal\",\"callback_id\":\""
            + PulseIds.NEW_SURVEY_VIEW
            + "\",\"private_metadata\":"
            + SlackRequests.jsonString(metadata)
            + ",\"hash\":\"h"
            + System.nanoTime()
            + "\",\"state\":{\"values\":"
            + stateJson
            + "},\"blocks\":[]},"
            + "\"actions\":[{\"action_id\":\""
            + actionId
            + "\",\"block_id\":\""
            + blockId
            + "\",\"value\":"
            + SlackRequests.jsonString(value)
            + ",\"type\":\"button\",\"action_ts\":\"1700000000."
            + (100000 + (System.nanoTime() % 800000))
            + "\"}]}");
  }

  /** The builder's "new question" inputs filled in (suffix = questions added so far). */
  static String newQuestion(int suffix, String text, String type, String choices) {
    return "\""
        + PulseIds.NEW_QUESTION_TEXT
        + suffix
        + "\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(text)
        + "}},\""
        + PulseIds.NEW_QUESTION_TYPE
        + suffix
        + "\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"t\"},\"value\":"
        + SlackRequests.jsonString(type)
        + "}}},\""
        + PulseIds.NEW_QUESTION_OPTIONS
        + suffix
        + "\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(choices)
        + "}}";
  }
}
