package dev.cosbot.cadence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.google.gson.JsonObject;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cadence flow through signed Slack requests against WireMock: the modal (preview, validation,
 * create), the 1-day reminder and the occurrence each posted once, a DRI ticking a task (the
 * message is updated, others are refused), and the calendar feed parsed back with ical4j.
 */
@QuarkusTest
class CadenceFlowTest extends SlackTestBase {
  @Inject TestClock clock;
  @Inject CadenceSweepJob sweep;
  @Inject dev.cosbot.platform.support.SignedMetadata signer;

  /** Weekly on Tuesdays 10:00 Berlin from Tue 5 Jan 2027: occurrences at 09:00Z. */
  static final Instant FIRST = Instant.parse("2027-01-05T09:00:00Z");

  @AfterEach
  void cleanUp() throws Exception {
    clock.reset();
    execute("DELETE FROM cadence");
  }

  static String values(String name, String zone, String channel, String leads, String checklist) {
    return "{"
        + "\"cadence_name\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(name)
        + "}},"
        + "\"cadence_owner\":{\"value\":{\"type\":\"users_select\",\"selected_user\":\"U0ADMIN\"}},"
        + "\"cadence_kind\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"Every week\"},\"value\":\"WEEKLY\"}}},"
        + "\"cadence_start\":{\"value\":{\"type\":\"datepicker\",\"selected_date\":\"2027-01-05\"}},"
        + "\"cadence_time\":{\"value\":{\"type\":\"timepicker\",\"selected_time\":\"10:00\"}},"
        + "\"cadence_zone\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"zone\"},\"value\":"
        + SlackRequests.jsonString(zone)
        + "}}},"
        + "\"cadence_rrule\":{\"value\":{\"type\":\"plain_text_input\",\"value\":null}},"
        + "\"cadence_channel\":{\"value\":{\"type\":\"conversations_select\",\"selected_conversation\":"
        + SlackRequests.jsonString(channel)
        + "}},"
        + "\"cadence_people\":{\"value\":{\"type\":\"multi_users_select\",\"selected_users\":[]}},"
        + "\"cadence_message\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"Bring your numbers <!channel>\"}},"
        + "\"cadence_leads\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(leads)
        + "}},"
        + "\"cadence_checklist\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(checklist)
        + "}}"
        + "}";
  }

  /** A block_actions payload from a button inside an open modal, carrying the modal's state. */
  static String modalButton(String userId, String actionId, String valuesJson) {
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\""
        + userId
        + "\",\"username\":\"x\",\"team_id\":\""
        + SlackRequests.TEAM
        + "\"},"
        + "\"api_app_id\":\""
        + SlackRequests.APP
        + "\",\"token\":\"legacy\","
        + "\"container\":{\"type\":\"view\",\"view_id\":\"V0MODAL\"},"
        + "\"trigger_id\":\"trigger-"
        + UUID.randomUUID()
        + "\",\"team\":{\"id\":\""
        + SlackRequests.TEAM
        + "\",\"domain\":\"acme\"},"
        + "\"view\":{\"id\":\"V0MODAL\",\"team_id\":\""
        + SlackRequests.TEAM
        + "\",\"type\":\"modal\",\"callback_id\":\"cadence_new\","
        + "\"private_metadata\":\"\",\"state\":{\"values\":"
        + valuesJson
        + "},\"hash\":\"1700000000.abc\","
        + "\"title\":{\"type\":\"plain_text\",\"text\":\"New cadence\"},\"blocks\":[]},"
        + "\"actions\":[{\"action_id\":\""
        + actionId
        + "\",\"block_id\":\"cadence_preview_actions\",\"value\":\"preview\","
        + "\"type\":\"button\",\"action_ts\":\"1700000001.000200\",\"text\":{\"type\":\"plain_text\",\"text\":\"Preview\"}}]}";
  }

  /** Web API calls the Slack SDK client sent as forms (views.open, views.update), decoded. */
  List<String> formCalls(String method, String containing) {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/" + method))
        .map(e -> URLDecoder.decode(e.getRequest().getBodyAsString(), StandardCharsets.UTF_8))
        .filter(b -> b.contains(containing))
        .toList();
  }

  static final String CHECKLIST = "Deck draft | <@U0ANA> | 1d\nRoom booked | U0BEN | 2h";

  private void create(String name) {
    // The checklist's DRIs are people Slack knows.
    SlackApiTestResource.knowsUser(slack, "U0ANA", "ana", "Ana Example", "UTC");
    SlackApiTestResource.knowsUser(slack, "U0BEN", "ben", "Ben Example", "UTC");
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                CadenceIds.NEW_CALLBACK,
                "",
                values(name, "Europe/Berlin", "C0STAFF", "1d", CHECKLIST)))
        .then()
        .statusCode(200);
  }

  @Test
  void createWithPreviewThenReminderAndOccurrencePostOnceAndTheDriTicks() throws Exception {
    clock.setTo(Instant.parse("2027-01-01T12:00:00Z"));
    String name = "Weekly staff " + UUID.randomUUID().toString().substring(0, 6);

    // The command opens the modal.
    SlackRequests.cos("U0ADMIN", "cadence new").then().statusCode(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> formCalls("views.open", "cadence_new").size() == 1);

    // Preview: the next five occurrences, 10:00 Berlin = 09:00Z, shown in the cadence's zone.
    SlackRequests.interaction(
            modalButton(
                "U0ADMIN",
                CadenceIds.A_PREVIEW,
                values(name, "Europe/Berlin", "C0STAFF", "1d", CHECKLIST)))
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> formCalls("views.update", "next 5 occurrences").size() == 1);
    String update = formCalls("views.update", "next 5 occurrences").get(0);
    assertThat(update)
        .contains("V0MODAL")
        .contains("Every Tuesday at 10:00 AM (Berlin)")
        .contains("!date^" + FIRST.getEpochSecond() + "^")
        .contains("Tue 5 Jan 2027, 10:00 AM (Berlin)")
        .contains("Tue 2 Feb 2027, 10:00 AM (Berlin)")
        .doesNotContain("FREQ=");

    // Invalid input: errors per field, nothing stored.
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                CadenceIds.NEW_CALLBACK,
                "",
                values(name, "Mars/Olympus", null, "soon", "Deck draft | nobody-we-know | 1d")))
        .then()
        .statusCode(200)
        .body("response_action", containsString("errors"))
        .body("errors.cadence_zone", containsString("time zone"))
        .body("errors.cadence_channel", containsString("channel"))
        .body("errors.cadence_leads", containsString("not a lead time"))
        .body("errors.cadence_checklist", containsString("Line 1"));
    assertThat(scalar("SELECT count(*) FROM cadence")).isZero();

    // Valid: stored with its checklist; the creator gets a confirmation listing the next dates.
    create(name);
    assertThat(
            scalar(
                "SELECT count(*) FROM cadence WHERE name = '"
                    + name
                    + "' AND lead_minutes = '1440'"))
        .isEqualTo(1);
    assertThat(scalar("SELECT count(*) FROM cadence_task")).isEqualTo(2);
    String created = awaitCalls("chat.postMessage", "Created *" + name, 1).get(0).toString();
    assertThat(created)
        .contains("Every Tuesday at 10:00 AM (Berlin)")
        .contains("Reminders 1 day before")
        .contains("<!date^" + FIRST.getEpochSecond() + "^")
        .doesNotContain("FREQ=");

    // One minute after the 1-day reminder is due: posted once, with the checklist and a button per
    // task.
    clock.setTo(FIRST.minusSeconds(86_400 - 60));
    sweep.sweep();
    sweep.sweep();
    List<JsonObject> reminders = awaitCalls("chat.postMessage", "⏰ " + name + " in 1 day", 1);
    assertThat(reminders.get(0).get("channel").getAsString()).isEqualTo("C0STAFF");
    String reminder = reminders.get(0).toString();
    assertThat(reminder)
        .contains("Deck draft")
        .contains("Room booked")
        .contains("cadence_task_toggle")
        .contains("0/2 ready");
    assertThat(reminder).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
    // The deck draft was due at the same moment: the owner is warned it is late.
    awaitCalls("chat.postMessage", "is late: *Deck draft*", 1);

    // Someone else is politely refused; the DRI ticks the task and the reminder is updated in
    // place.
    long cadenceId = scalar("SELECT id FROM cadence WHERE name = '" + name + "'");
    long deck = scalar("SELECT id FROM cadence_task WHERE title = 'Deck draft'");
    String value = signer.sign(cadenceId + "|" + FIRST.getEpochSecond() + "|" + deck);
    // A tampered button value (unsigned, or another task's id) is answered politely; nothing ticks.
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0ANA",
                CadenceIds.A_TOGGLE_TASK,
                cadenceId + "|" + FIRST.getEpochSecond() + "|" + deck,
                "cadence_task_" + deck))
        .then()
        .statusCode(200);
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0ANA",
                CadenceIds.A_TOGGLE_TASK,
                value.replace("|" + deck + "~", "|" + (deck + 1) + "~"),
                "cadence_task_" + deck))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "I can't find that prep task", 2);
    assertThat(scalar("SELECT count(*) FROM cadence_task_done")).isZero();
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0BEN", CadenceIds.A_TOGGLE_TASK, value, "cadence_task_" + deck))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "Only <@U0ANA> can tick", 1);
    assertThat(scalar("SELECT count(*) FROM cadence_task_done")).isZero();
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0ANA", CadenceIds.A_TOGGLE_TASK, value, "cadence_task_" + deck))
        .then()
        .statusCode(200);
    JsonObject updated = awaitCalls("chat.update", "1/2 ready", 1).get(0);
    assertThat(updated.toString()).contains("done by <@U0ANA>").contains("Undo");
    assertThat(scalar("SELECT count(*) FROM cadence_task_done WHERE done_by = 'U0ANA'"))
        .isEqualTo(1);

    // The Chief of Staff sees what is not ready.
    SlackRequests.cos("U0ADMIN", "cadence next 2")
        .then()
        .statusCode(200)
        .body("text", containsString("prep 1/2 ready; not ready: Room booked (<@U0BEN>"));

    // The occurrence itself: posted once, even with repeated sweeps.
    clock.setTo(FIRST.plusSeconds(30));
    sweep.sweep();
    sweep.sweep();
    awaitCalls("chat.postMessage", name + " starts now", 1);
    assertThat(matching("chat.postMessage", name + " starts now")).hasSize(1);
    assertThat(matching("chat.postMessage", "⏰ " + name + " in 1 day")).hasSize(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM cadence_ledger WHERE cadence_id = "
                    + cadenceId
                    + " AND kind IN ('R1440', 'OCC') AND status = 'POSTED'"))
        .isEqualTo(2);
  }

  @Test
  void aMissedReminderIsPostedOnceLateWithANoteAndOlderOnesAreSkipped() throws Exception {
    clock.setTo(Instant.parse("2026-12-20T12:00:00Z"));
    String name = "Board prep " + UUID.randomUUID().toString().substring(0, 6);
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                CadenceIds.NEW_CALLBACK,
                "",
                values(name, "Europe/Berlin", "C0BOARD", "3d, 1d", "")))
        .then()
        .statusCode(200);
    assertThat(scalar("SELECT count(*) FROM cadence WHERE name = '" + name + "'")).isEqualTo(1);
    long id = scalar("SELECT id FROM cadence WHERE name = '" + name + "'");

    // "Downtime": nothing swept until 2 hours after the 1-day reminder was due. The 3-day reminder
    // is
    // more than a day late (skipped), the 1-day one is posted once, late, with a note: no burst.
    clock.setTo(FIRST.minusSeconds(86_400 - 7200));
    sweep.sweep();
    sweep.sweep();
    List<JsonObject> posted = awaitCalls("chat.postMessage", "⏰ " + name, 1);
    assertThat(posted).hasSize(1);
    assertThat(posted.get(0).toString()).contains("in 1 day").contains("Posted late");
    assertThat(
            scalar(
                "SELECT count(*) FROM cadence_ledger WHERE cadence_id = "
                    + id
                    + " AND kind = 'R4320' AND status = 'SKIPPED'"))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM cadence_ledger WHERE cadence_id = "
                    + id
                    + " AND kind = 'R1440' AND status = 'LATE'"))
        .isEqualTo(1);

    // Down for two days across the next week's reminders and occurrence: all skipped, nothing
    // posted.
    clock.setTo(FIRST.plusSeconds(7 * 86_400 + 2 * 86_400));
    sweep.sweep();
    assertThat(
            scalar(
                "SELECT count(*) FROM cadence_ledger WHERE cadence_id = "
                    + id
                    + " AND occurrence_at = '2027-01-12T09:00:00Z' AND status = 'SKIPPED' AND kind = 'OCC'"))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM cadence_ledger WHERE cadence_id = "
                    + id
                    + " AND occurrence_at = '2027-01-12T09:00:00Z' AND status <> 'SKIPPED'"))
        .isZero();
    assertThat(matching("chat.postMessage", "⏰ " + name)).hasSize(1);
    assertThat(matching("chat.postMessage", name + " starts now")).isEmpty();
  }

  @Test
  void theFormOffersTheCreatorsOwnSlackZoneAndNoRawRules() throws Exception {
    // A Chief of Staff whose zone only Slack (users.info) knows: nothing is cached yet.
    execute("DELETE FROM person WHERE slack_user_id = 'U0NYCOS'");
    execute("INSERT INTO person (slack_user_id, is_admin) VALUES ('U0NYCOS', true)");
    forgetRoles();
    dev.cosbot.testsupport.SlackApiTestResource.knowsUser(
        slack, "U0NYCOS", "nia", "Nia Chief", "America/New_York");
    SlackRequests.cos("U0NYCOS", "cadence new").then().statusCode(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> formCalls("views.open", "cadence_new").size() == 1);
    String modal = formCalls("views.open", "cadence_new").get(0);
    int initial = modal.indexOf("\"initial_option\"");
    assertThat(initial).isPositive();
    assertThat(modal.substring(initial, Math.min(modal.length(), initial + 200)))
        .contains("America/New_York")
        .contains("New York");
    assertThat(modal)
        .contains("Advanced: custom repeat rule")
        .doesNotContain("FREQ=")
        .doesNotContain("RFC 5545");
    execute("DELETE FROM person WHERE slack_user_id = 'U0NYCOS'");
    forgetRoles();
  }

  @Test
  void commandsListPauseResumeSkipAndRemove() throws Exception {
    clock.setTo(Instant.parse("2027-01-01T12:00:00Z"));
    String name = "Ops review " + UUID.randomUUID().toString().substring(0, 6);
    create(name);
    SlackRequests.cos("U0MEMBER", "cadence list")
        .then()
        .statusCode(200)
        .body("text", containsString(name))
        .body("text", containsString("Every Tuesday at 10:00 AM (Berlin)"))
        .body("text", containsString("next <!date^" + FIRST.getEpochSecond() + "^"))
        .body("text", not(containsString("FREQ=")));
    SlackRequests.cos("U0MEMBER", "cadence pause \"" + name + "\"")
        .then()
        .statusCode(200)
        .body("text", containsString("only the cadence's owner"));
    SlackRequests.cos("U0ADMIN", "cadence skip \"" + name + "\" 2027-01-05")
        .then()
        .statusCode(200)
        .body("text", containsString("Skipping"));
    SlackRequests.cos("U0ADMIN", "cadence skip \"" + name + "\" 2027-01-06")
        .then()
        .statusCode(200)
        .body("text", containsString("does not happen on Wed 6 Jan 2027"));
    SlackRequests.cos("U0ADMIN", "cadence next 1")
        .then()
        .statusCode(200)
        .body("text", containsString("Tue 12 Jan 2027"));
    SlackRequests.cos("U0ADMIN", "cadence pause " + name)
        .then()
        .statusCode(200)
        .body("text", containsString("Paused"));
    SlackRequests.cos("U0ADMIN", "cadence list")
        .then()
        .statusCode(200)
        .body("text", containsString("_paused_"));
    SlackRequests.cos("U0ADMIN", "cadence resume " + name)
        .then()
        .statusCode(200)
        .body("text", containsString("Resumed"));
    SlackRequests.cos("U0ADMIN", "cadence remove " + name)
        .then()
        .statusCode(200)
        .body("text", containsString("Removed"));
    assertThat(scalar("SELECT count(*) FROM cadence")).isZero();
    SlackRequests.cos("U0MEMBER", "cadence new")
        .then()
        .statusCode(200)
        .body("text", containsString("only a Chief of Staff"));
  }

  @Test
  void theCalendarFeedParsesAndListsTheNextOccurrencesInUtc() throws Exception {
    clock.setTo(Instant.parse("2027-01-01T12:00:00Z"));
    String name = "Staff; sync, weekly " + UUID.randomUUID().toString().substring(0, 6);
    create(name);
    String text =
        SlackRequests.cos("U0ADMIN", "cadence feed").then().statusCode(200).extract().path("text");
    String token = text.replaceAll("(?s).*/calendar/([A-Za-z0-9_-]+)\\.ics.*", "$1");
    assertThat(token).hasSizeGreaterThan(40);

    String ics =
        given()
            .when()
            .get("/calendar/" + token + ".ics")
            .then()
            .statusCode(200)
            .header("Content-Type", containsString("text/calendar"))
            .extract()
            .asString();
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    calendar.validate();
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSizeGreaterThanOrEqualTo(5);
    assertThat(
            events.stream()
                .limit(3)
                .map(e -> Instant.from(e.getDateTimeStart().getDate()))
                .toList())
        .containsExactly(FIRST, FIRST.plusSeconds(7 * 86_400), FIRST.plusSeconds(14 * 86_400));
    assertThat(events.get(0).getSummary().getValue()).isEqualTo(name);
    assertThat(ics).contains("DTSTART:20270105T090000Z");

    given().when().get("/calendar/not-the-token.ics").then().statusCode(404);
    String rotated =
        given()
            .header("Authorization", "Bearer test-api-token")
            .when()
            .post("/api/v1/cadences/calendar-token/rotate")
            .then()
            .statusCode(200)
            .extract()
            .path("url");
    given().when().get("/calendar/" + token + ".ics").then().statusCode(404);
    given().when().get(rotated).then().statusCode(200);
    given().when().post("/api/v1/cadences/calendar-token/rotate").then().statusCode(401);
  }
}
