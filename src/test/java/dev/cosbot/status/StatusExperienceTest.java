package dev.cosbot.status;

import static dev.cosbot.status.StatusRequests.initiativeValues;
import static dev.cosbot.status.StatusRequests.updateValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.google.gson.JsonObject;
import dev.cosbot.testsupport.BlockKitLimits;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The status flow as Geekbot and Status Hero users expect it, through signed requests, the outbox
 * and WireMock: the prompt's button becomes "Updated ✓", % complete is a number, teams come from a
 * list, updates go to the initiative's channel, initiatives are found by (almost) their name.
 */
@QuarkusTest
class StatusExperienceTest extends SlackTestBase {
  @Inject dev.cosbot.platform.support.SignedMetadata signer;
  @Inject TestClock clock;
  @Inject StatusCheckins checkins;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
  }

  void person(String id, String tz) throws Exception {
    execute(
        "INSERT INTO person (slack_user_id, display_name, time_zone, synced_at) VALUES ('"
            + id
            + "', '"
            + id.toLowerCase()
            + "', '"
            + tz
            + "', now() + interval '3650 days') ON CONFLICT (slack_user_id) DO UPDATE SET"
            + " time_zone = EXCLUDED.time_zone");
  }

  long create(String caller, String name, String owner, String team, String channel) {
    String body =
        SlackRequests.interaction(
                SlackRequests.viewSubmission(
                    caller,
                    StatusIds.INITIATIVE_MODAL,
                    signer.sign(StatusIds.NEW_INITIATIVE),
                    initiativeValues(name, owner, team, "10:00", channel)))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body).doesNotContain("errors");
    try {
      return scalar("SELECT id FROM status_initiative WHERE name = '" + name + "'");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String submit(String user, long id, String values) {
    String body =
        SlackRequests.interaction(
                SlackRequests.viewSubmission(
                    user, StatusIds.UPDATE_MODAL, signer.signId(id), values))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    BlockKitLimits.assertAckValid(body);
    return body;
  }

  /** The decoded bodies of every views.open WireMock received. */
  List<String> openedViews() {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/views.open"))
        .map(e -> URLDecoder.decode(e.getRequest().getBodyAsString(), StandardCharsets.UTF_8))
        .toList();
  }

  String awaitView(String containing) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> openedViews().stream().anyMatch(b -> b.contains(containing)));
    return openedViews().stream().filter(b -> b.contains(containing)).reduce((a, b) -> b).get();
  }

  @Test
  void thePromptsButtonBecomesUpdatedAndTheUpdateIsPostedToTheInitiativesChannel()
      throws Exception {
    person("U0GEEK", "Europe/Berlin");
    String name = unique("Checkout");
    long id = create("U0GEEK", name, "U0GEEK", unique("Shop"), "C0SHOP");
    Instant due =
        new Cadence(1, DayOfWeek.FRIDAY, LocalTime.of(10, 0), LocalDate.now())
            .nextAfter(Instant.now(), ZoneId.of("Europe/Berlin"));
    checkins.step(id, due.plusSeconds(60));
    checkins.step(id, due.plus(Duration.ofHours(25)));
    JsonObject prompt =
        awaitCalls("chat.postMessage", "Time for your update on *" + name, 1).get(0);
    assertThat(prompt.toString()).contains(StatusIds.POST_UPDATE_ACTION);
    awaitCalls("chat.postMessage", "Reminder: the update on *" + name, 1);

    clock.setTo(due.plus(Duration.ofHours(26)));
    submit(
        "U0GEEK",
        id,
        updateValues("AMBER", "Payments <!here> slipped", "Vendor", null, null, "MEDIUM", "40"));

    // Both the prompt and the nudge are rewritten: no button left, "Updated ✓" instead.
    List<JsonObject> updates = awaitCalls("chat.update", "Updated ✓", 2);
    assertThat(updates)
        .allSatisfy(
            u -> {
              assertThat(u.get("channel").getAsString()).isEqualTo("U0GEEK");
              assertThat(u.toString())
                  .contains("your update on *" + name)
                  .doesNotContain(StatusIds.POST_UPDATE_ACTION)
                  .doesNotContain("\"type\":\"actions\"");
            });
    // The initiative's channel gets the update, escaped.
    JsonObject shared = awaitCalls("chat.postMessage", "Payments &lt;!here&gt; slipped", 1).get(0);
    assertThat(shared.get("channel").getAsString()).isEqualTo("C0SHOP");
    assertThat(shared.toString()).contains(name).contains("40% complete").contains("Vendor");

    // A second version the same period: posted again, the prompt not rewritten twice.
    submit("U0GEEK", id, updateValues("GREEN", "Back on track", null, null, null, "HIGH", "60"));
    awaitCalls("chat.postMessage", "Back on track", 1);
    assertThat(matching("chat.update", "Updated ✓")).hasSize(2);
  }

  @Test
  void withoutAChannelNothingIsPostedAnywhereButToTheOwner() throws Exception {
    person("U0QUIET", "UTC");
    String name = unique("Quiet");
    long id = create("U0QUIET", name, "U0QUIET", "Ops", null);
    submit(
        "U0QUIET",
        id,
        updateValues("GREEN", "Nothing to see " + name, null, null, null, "HIGH", null));
    awaitCalls("chat.postMessage", "Your update on *" + name, 1);
    assertThat(matching("chat.postMessage", "Nothing to see " + name)).isEmpty();
    // No prompt was sent for this period: nothing to rewrite.
    assertThat(matching("chat.update", name)).isEmpty();
  }

  @Test
  void percentCompleteIsANumberFromZeroToAHundred() throws Exception {
    person("U0PCT", "UTC");
    String name = unique("Percent");
    long id = create("U0PCT", name, "U0PCT", "Ops", null);
    SlackRequests.cos("U0PCT", "status " + name).then().statusCode(200);
    String view = awaitView("\"callback_id\":\"" + StatusIds.UPDATE_MODAL);
    assertThat(view).contains("\"type\":\"number_input\"").contains("\"max_value\":\"100\"");
    for (String wrong : List.of("150", "12.5", "-3", "lots")) {
      SlackRequests.interaction(
              SlackRequests.viewSubmission(
                  "U0PCT",
                  StatusIds.UPDATE_MODAL,
                  signer.signId(id),
                  updateValues("GREEN", "Fine", null, null, null, "HIGH", wrong)
                      .replace(
                          "plain_text_input\",\"value\":\"" + wrong,
                          "number_input\",\"value\":\"" + wrong)))
          .then()
          .statusCode(200)
          .body("response_action", equalTo("errors"))
          .body("errors." + StatusIds.PERCENT, containsString("0 to 100"));
    }
    submit("U0PCT", id, updateValues("GREEN", "Fine", null, null, null, "HIGH", "100"));
    assertThat(scalar("SELECT percent FROM status_update WHERE initiative_id = " + id))
        .isEqualTo(100);
  }

  @Test
  void theTeamIsChosenFromTheExistingTeamsOrTypedAsANewOne() throws Exception {
    person("U0TEAM", "UTC");
    String team = unique("Growth");
    create("U0TEAM", unique("First"), "U0TEAM", team, null);
    SlackRequests.cos("U0TEAM", "initiative new").then().statusCode(200);
    String view = awaitView("\"callback_id\":\"" + StatusIds.INITIATIVE_MODAL);
    assertThat(view)
        .contains("\"block_id\":\"" + StatusIds.TEAM + "\"")
        .contains("\"type\":\"static_select\"")
        .contains("\"value\":\"" + team + "\"")
        .contains("\"block_id\":\"" + StatusIds.NEW_TEAM + "\"")
        .contains("\"type\":\"conversations_select\"");

    // Chosen from the list.
    String second = unique("Second");
    String values =
        initiativeValues(second, "U0TEAM", team, "10:00", null)
            .replace(
                StatusRequests.text(StatusIds.TEAM, team),
                StatusRequests.select(StatusIds.TEAM, team));
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0TEAM",
                StatusIds.INITIATIVE_MODAL,
                signer.sign(StatusIds.NEW_INITIATIVE),
                values))
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString("errors")));
    assertThat(
            scalar(
                "SELECT count(*) FROM status_initiative WHERE name = '"
                    + second
                    + "' AND team = '"
                    + team
                    + "'"))
        .isEqualTo(1);

    // Both a listed team and a different new one: asked to choose one.
    String both =
        values.replace(
            StatusRequests.select(StatusIds.TEAM, team),
            StatusRequests.select(StatusIds.TEAM, team)
                + ","
                + StatusRequests.text(StatusIds.NEW_TEAM, "Brand new"));
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0TEAM",
                StatusIds.INITIATIVE_MODAL,
                signer.sign(StatusIds.NEW_INITIATIVE),
                both.replace(second, unique("Third"))))
        .then()
        .statusCode(200)
        .body("errors." + StatusIds.NEW_TEAM, containsString("not both"));
  }

  @Test
  void initiativesAreNamedByNameWithSuggestionsForNearMisses() throws Exception {
    person("U0NAMES", "UTC");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String name = "Warehouse " + suffix;
    create("U0NAMES", name, "U0NAMES", "Logistics", null);
    // A near miss: "did you mean", nothing opened.
    String typo = "Warehuose " + suffix;
    assertThat(SlackRequests.cos("U0NAMES", "status " + typo).jsonPath().getString("text"))
        .contains("I don't know an initiative called “" + typo + "”")
        .contains("Did you mean *" + name + "*?");
    assertThat(SlackRequests.cos("U0NAMES", "initiative edit " + typo).jsonPath().getString("text"))
        .contains("Did you mean *" + name + "*?");
    // Quoted, any case, or a part only one name contains: found.
    SlackRequests.cos("U0NAMES", "status \"warehouse " + suffix + "\"").then().statusCode(200);
    awaitView(name);
    SlackRequests.cos("U0NAMES", "initiative edit " + suffix).then().statusCode(200);
    awaitView("Edit initiative");
  }

  void members(String channel, String json) {
    slack.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                    "/api/conversations.members"))
            .atPriority(5)
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("channel=" + channel))
            .willReturn(dev.cosbot.testsupport.SlackApiTestResource.okJson(json)));
  }

  String share(String user, String metadata, String channel) {
    String element =
        "{\"type\":\"conversations_select\",\"selected_conversation\":"
            + SlackRequests.jsonString(channel)
            + "}";
    return fieldError(
        user, StatusIds.SHARE_REPORT_MODAL, metadata, StatusIds.SHARE_CHANNEL, element);
  }

  /**
   * Submits {@code modal} with one input ({@code block}, its element's state as JSON): the error
   * shown next to it, or "" when the form was accepted.
   */
  String fieldError(String user, String modal, String metadata, String block, String element) {
    String values = "{\"" + block + "\":{\"v\":" + element + "}}";
    String body =
        SlackRequests.interaction(SlackRequests.viewSubmission(user, modal, metadata, values))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    BlockKitLimits.assertAckValid(body);
    String error =
        body.isBlank()
            ? null
            : io.restassured.path.json.JsonPath.from(body).getString("errors." + block);
    return error == null ? "" : error;
  }

  @Test
  void aReportIsSharedToAChannelThePersonIsInAndTheyAreToldWhere() throws Exception {
    person("U0SHARER", "America/New_York");
    String team = unique("Sharing");
    String name = unique("Shared");
    long id = create("U0SHARER", name, "U0SHARER", team, null);
    submit("U0SHARER", id, updateValues("GREEN", "Going well", null, null, null, "HIGH", "70"));

    // The report offers "Share to a channel" with a signed value naming what it covers.
    io.restassured.path.json.JsonPath report =
        SlackRequests.cos("U0SHARER", "report " + team).jsonPath();
    String value = report.getString("blocks.find { it.type == 'actions' }.elements[0].value");
    assertThat(report.getString("blocks.find { it.type == 'actions' }.elements[0].action_id"))
        .isEqualTo(StatusIds.SHARE_REPORT_ACTION);
    assertThat(value).startsWith("report:t:" + team);

    // The click opens the channel picker.
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0SHARER", StatusIds.SHARE_REPORT_ACTION, value, "status_report_share"))
        .then()
        .statusCode(200);
    assertThat(awaitView(StatusIds.SHARE_REPORT_MODAL))
        .contains("\"type\":\"conversations_select\"");

    // Not a member of the chosen channel: refused in place, nothing posted.
    members(
        "C0NOTIN",
        "{\"ok\":true,\"members\":[\"U0OTHER\"],\"response_metadata\":{\"next_cursor\":\"\"}}");
    assertThat(share("U0SHARER", value, "C0NOTIN")).contains("only to a channel you're in");
    // A private channel the bot was not invited to: Slack won't tell, so the bot asks to be
    // invited.
    members("C0PRIVATE", "{\"ok\":false,\"error\":\"channel_not_found\"}");
    assertThat(share("U0SHARER", value, "C0PRIVATE")).contains("invite me to that channel");
    // A forged button value (unsigned, or signed for something else): no picker, a polite answer.
    for (String forged : List.of("report:all", signer.sign("edit:1"))) {
      SlackRequests.interaction(
              SlackRequests.blockAction(
                  "U0SHARER", StatusIds.SHARE_REPORT_ACTION, forged, "status_report_share"))
          .then()
          .statusCode(200);
    }
    awaitCalls("chat.postEphemeral", "can't be shared any more", 2);
    // A tampered scope: refused.
    assertThat(share("U0SHARER", "report:all", "C0NOTIN")).contains("can't be shared");

    // A channel the person is in: posted there through the outbox, and they are told where.
    members(
        "C0TEAMROOM",
        "{\"ok\":true,\"members\":[\"U0OTHER\",\"U0SHARER\"],\"response_metadata\":{\"next_cursor\":\"\"}}");
    assertThat(share("U0SHARER", value, "C0TEAMROOM")).isEmpty();
    JsonObject posted = awaitCalls("chat.postMessage", "Status report: " + team, 1).get(0);
    assertThat(posted.get("channel").getAsString()).isEqualTo("C0TEAMROOM");
    assertThat(posted.toString())
        .contains(name)
        .contains("Shared by <@U0SHARER>")
        .doesNotContain(StatusIds.SHARE_REPORT_ACTION);
    JsonObject told =
        awaitCalls("chat.postMessage", "posted the status report to <#C0TEAMROOM>", 1).get(0);
    assertThat(told.get("channel").getAsString()).isEqualTo("U0SHARER");
    assertThat(matching("chat.postMessage", "\"channel\":\"C0NOTIN\"")).isEmpty();
    assertThat(matching("chat.postMessage", "\"channel\":\"C0PRIVATE\"")).isEmpty();
  }

  String reply(String user, String metadata, String text) {
    String element =
        "{\"type\":\"plain_text_input\",\"value\":"
            + (text == null ? "null" : SlackRequests.jsonString(text))
            + "}";
    return fieldError(user, StatusIds.ASK_REPLY_MODAL, metadata, StatusIds.ASK_REPLY, element);
  }

  void click(String user, String value) {
    SlackRequests.interaction(
            SlackRequests.blockAction(user, StatusIds.ASK_REPLY_ACTION, value, "status_ask_1"))
        .then()
        .statusCode(200);
  }

  /**
   * An owner's ask closes its loop: the person it is addressed to replies from the ask's message,
   * the owner hears the reply, the button goes, and the ask leaves the report's open asks.
   */
  @Test
  void theAddresseeRepliesFromTheAskAndTheOwnerHearsIt() throws Exception {
    person("U0ASKOWNER", "Asia/Tokyo");
    person("U0ASKEXEC", "America/New_York");
    String team = unique("Asks");
    String name = unique("Partner deal");
    long id = create("U0ASKOWNER", name, "U0ASKOWNER", team, null);
    submit(
        "U0ASKOWNER",
        id,
        updateValues(
            "AMBER",
            "Contract slipping",
            "Legal backlog",
            "Can you call their GM?",
            "U0ASKEXEC",
            "MEDIUM",
            "40"));

    // The ask arrives with a Reply button whose value is signed.
    JsonObject ask = awaitCalls("chat.postMessage", "has an ask for you on", 1).get(0);
    assertThat(ask.get("channel").getAsString()).isEqualTo("U0ASKEXEC");
    assertThat(ask.toString()).contains(name).contains(StatusIds.ASK_REPLY_ACTION);
    String value =
        io.restassured.path.json.JsonPath.from(ask.toString())
            .getString(
                "blocks.find { it.type == 'actions' }.elements.find { it.action_id == '"
                    + StatusIds.ASK_REPLY_ACTION
                    + "' }.value");
    assertThat(value).matches("ask:\\d+:1~.+");
    String unsigned = value.substring(0, value.indexOf('~'));
    assertThat(SlackRequests.cos("U0ASKOWNER", "report " + team).asString())
        .contains("Open asks")
        .contains("Can you call their GM?");

    // Someone else presses it: told privately, no form.
    click("U0BYSTANDER", value);
    awaitCalls("chat.postEphemeral", "addressed to someone else", 1);
    // A forged value: the polite "not open any more".
    click("U0ASKEXEC", unsigned);
    awaitCalls("chat.postEphemeral", "isn't open any more", 1);

    // The addressee presses it: the reply form opens with the ask in it.
    click("U0ASKEXEC", value);
    assertThat(awaitView(StatusIds.ASK_REPLY_MODAL)).contains("Can you call their GM?");

    // An empty reply, a tampered form and someone else's submission are refused in place.
    assertThat(reply("U0ASKEXEC", value, "  ")).isEqualTo(StatusMessages.WRITE_REPLY);
    assertThat(reply("U0ASKEXEC", unsigned, "Sure")).isEqualTo(StatusMessages.ASK_GONE);
    assertThat(reply("U0BYSTANDER", value, "Me!")).isEqualTo(StatusMessages.NOT_YOUR_ASK);
    assertThat(matching("chat.postMessage", "replied to your ask")).isEmpty();

    // The reply: the owner hears it, escaped; the ask's message loses its button.
    assertThat(reply("U0ASKEXEC", value, "Calling him <today>, will report back")).isEmpty();
    JsonObject told = awaitCalls("chat.postMessage", "replied to your ask on", 1).get(0);
    assertThat(told.get("channel").getAsString()).isEqualTo("U0ASKOWNER");
    assertThat(told.toString())
        .contains("<@U0ASKEXEC>")
        .contains("Calling him &lt;today&gt;, will report back")
        .contains("Can you call their GM?");
    JsonObject updated = awaitCalls("chat.update", "You replied", 1).get(0);
    assertThat(updated.toString())
        .doesNotContain(StatusIds.ASK_REPLY_ACTION)
        .contains("Calling him &lt;today&gt;");

    // Answered: no second reply, and the ask is no longer open anywhere.
    assertThat(reply("U0ASKEXEC", value, "Again")).isEqualTo(StatusMessages.ASK_ALREADY_REPLIED);
    assertThat(matching("chat.postMessage", "replied to your ask on")).hasSize(1);
    String report = SlackRequests.cos("U0ASKOWNER", "report " + team).asString();
    assertThat(report).contains(name).doesNotContain("Can you call their GM?");
    assertThat(
            scalar(
                "SELECT count(*) FROM status_update WHERE id IN (SELECT last_update_id FROM"
                    + " status_initiative WHERE id = "
                    + id
                    + ") AND ask_replied_at IS NOT NULL"))
        .isEqualTo(1L);

    // A new ask on the same update waits for its own reply.
    submit(
        "U0ASKOWNER",
        id,
        updateValues(
            "AMBER",
            "Contract slipping",
            "Legal backlog",
            "Can you also email their CFO?",
            "U0ASKEXEC",
            "MEDIUM",
            "45"));
    awaitCalls("chat.postMessage", "Can you also email their CFO?", 1);
    assertThat(SlackRequests.cos("U0ASKOWNER", "report " + team).asString())
        .contains("Can you also email their CFO?");
  }
}
