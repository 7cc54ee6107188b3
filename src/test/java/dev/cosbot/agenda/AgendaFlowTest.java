package dev.cosbot.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.cosbot.cadence.CadenceSweepJob;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An agenda through signed Slack requests and the cadence's reminder at its real time: four items
 * (40 minutes) for a 30-minute meeting are posted in order with a warning; after the meeting two
 * are ticked covered and the other two roll over to the next reminder.
 */
@QuarkusTest
class AgendaFlowTest extends SlackTestBase {
  /** The first Tuesday, 10:00 Berlin. */
  private static final Instant FIRST = Instant.parse("2027-01-05T09:00:00Z");

  @Inject TestClock clock;
  @Inject CadenceSweepJob sweep;

  private String staff;

  @AfterEach
  void reset() throws Exception {
    clock.reset();
    // Other tests read the calendar feed: leave no cadence behind.
    if (staff != null) {
      execute("DELETE FROM cadence WHERE name = '" + staff + "'");
    }
  }

  /** A weekly meeting created through the new-cadence form, with the test clock before it. */
  private void newMeeting(String name) {
    clock.setTo(Instant.parse("2027-01-01T12:00:00Z"));
    SlackRequests.interaction(
            SlackRequests.viewSubmission("U0ADMIN", "cadence_new", "", cadence(name, "C0STAFF")))
        .then()
        .statusCode(200);
  }

  @Test
  void anOwnerNamedInTheCommandIsCheckedWithSlackAndPreselectedInTheForm() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    staff = "Owner check " + run;
    newMeeting(staff);
    // Slack (WireMock) knows nobody it was not told about: users.info says user_not_found.
    String nobody = "U0NOBODY" + run.toUpperCase().replaceAll("[^A-Z0-9]", "");
    SlackRequests.cos("U0ANA", "agenda add \"" + staff + "\" owner <@" + nobody + "|ghost>")
        .then()
        .statusCode(200)
        .body("text", containsString("I can't find <@" + nobody + ">"))
        .body("text", containsString("owner @ana"));
    SlackRequests.cos("U0ANA", "agenda add \"" + staff + "\" owner ana")
        .then()
        .statusCode(200)
        .body("text", containsString("Name the item's owner with @"));
    assertThat(formCalls("views.open", staff)).isEmpty();

    String owner = "U0OWNS" + run.toUpperCase().replaceAll("[^A-Z0-9]", "");
    dev.cosbot.testsupport.SlackApiTestResource.knowsUser(
        slack, owner, "owns", "Owen Owns", "Europe/Berlin");
    SlackRequests.cos("U0ANA", "agenda add \"" + staff + "\" owner <@" + owner + "|owns>")
        .then()
        .statusCode(200);
    await().until(() -> !formCalls("views.open", staff).isEmpty());
    assertThat(formCalls("views.open", staff).get(0))
        .contains("\"initial_user\":\"" + owner + "\"");
  }

  @Test
  void fourItemsOverTheLengthAreWarnedAboutAndLeftoversRollOver() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    staff = "Staff meeting " + run;
    newMeeting(staff);
    SlackRequests.cos("U0ADMIN", "agenda length \"" + staff + "\" 30")
        .then()
        .statusCode(200)
        .body(containsString("30 minutes long"));
    SlackRequests.cos("U0ANA", "agenda length \"" + staff + "\" 90")
        .then()
        .statusCode(200)
        .body(containsString("Only the meeting"));

    // Four items from the form (the command opens it), one with field errors first.
    SlackRequests.cos("U0ANA", "agenda add").then().statusCode(200);
    await().until(() -> !formCalls("views.open", AgendaIds.ADD_CALLBACK).isEmpty());
    assertThat(formCalls("views.open", AgendaIds.ADD_CALLBACK).get(0)).contains(staff);
    add("U0ANA", staff, "", "U0ANA", "ten")
        .then()
        .statusCode(200)
        .body("errors." + AgendaIds.TITLE, containsString("What's the item"))
        .body("errors." + AgendaIds.MINUTES, containsString("whole number"));
    String[][] items = {
      {"Q1 numbers " + run, "U0ANA", "10"},
      {"Hiring plan " + run, "U0BEN", "15"},
      {"Office move " + run, "U0CYN", "10"},
      {"AOB " + run, "U0ANA", "5"},
    };
    for (String[] item : items) {
      add("U0ANA", staff, item[0], item[1], item[2])
          .then()
          .statusCode(200)
          .body(containsString("Added to the agenda"));
    }

    // The calendar event's description carries the agenda.
    String feed =
        SlackRequests.cos("U0ADMIN", "cadence feed").then().statusCode(200).extract().path("text");
    String token = feed.replaceAll("(?s).*/calendar/([A-Za-z0-9_-]+)\\.ics.*", "$1");
    String ics =
        io.restassured.RestAssured.given()
            .when()
            .get("/calendar/" + token + ".ics")
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .replace("\r\n ", "");
    assertThat(ics).contains("Agenda (40 of 30 min):").contains("1. " + items[0][0] + " (10 min)");

    // The reminder a day before: the agenda in order, 40 of 30 minutes, with a warning.
    clock.setTo(FIRST.minus(Duration.ofDays(1)).plusSeconds(60));
    sweep.sweep();
    String reminder = awaitCalls("chat.postMessage", "⏰ " + staff, 1).get(0).toString();
    int a = reminder.indexOf(items[0][0]);
    int b = reminder.indexOf(items[1][0]);
    int c = reminder.indexOf(items[2][0]);
    int d = reminder.indexOf(items[3][0]);
    assertThat(a).isPositive().isLessThan(b);
    assertThat(b).isLessThan(c);
    assertThat(c).isLessThan(d);
    assertThat(reminder)
        .contains("40 of 30 minutes")
        .contains(":warning: 10 minutes over")
        .contains("<@U0BEN>, 15 min")
        .contains(AgendaIds.ADD_BUTTON);

    // After the meeting the owner ticks off two; the other two roll over to next week's reminder.
    clock.setTo(FIRST.plus(Duration.ofHours(2)));
    SlackRequests.cos("U0ADMIN", "agenda covered \"" + staff + "\"").then().statusCode(200);
    await().until(() -> !formCalls("views.open", AgendaIds.COVERED_CALLBACK).isEmpty());
    String coveredForm = formCalls("views.open", AgendaIds.COVERED_CALLBACK).get(0);
    String metadata = metadata(coveredForm);
    long q1 = scalar("SELECT id FROM agenda_item WHERE title = '" + items[0][0] + "'");
    long hiring = scalar("SELECT id FROM agenda_item WHERE title = '" + items[1][0] + "'");
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                AgendaIds.COVERED_CALLBACK,
                metadata,
                "{\""
                    + AgendaIds.ITEMS
                    + "\":{\"i\":{\"type\":\"checkboxes\",\"selected_options\":[{\"value\":\""
                    + q1
                    + "\"},{\"value\":\""
                    + hiring
                    + "\"}]}}}"))
        .then()
        .statusCode(200)
        .body(containsString("2 items marked covered"))
        .body(containsString("2 items roll over"));
    clock.setTo(FIRST.plus(Duration.ofDays(6)).plusSeconds(60));
    sweep.sweep();
    List<com.google.gson.JsonObject> reminders = awaitCalls("chat.postMessage", "⏰ " + staff, 2);
    String next = reminders.get(reminders.size() - 1).toString();
    assertThat(next)
        .doesNotContain(items[0][0])
        .doesNotContain(items[1][0])
        .contains(items[2][0])
        .contains("rolled over")
        .contains("15 of 30 minutes")
        .doesNotContain(":warning:");
  }

  private io.restassured.response.Response add(
      String user, String meeting, String title, String owner, String minutes) {
    String values =
        "{\""
            + AgendaIds.MEETING
            + "\":{\"m\":{\"type\":\"static_select\",\"selected_option\":{\"value\":"
            + SlackRequests.jsonString(meeting)
            + "}}},\""
            + AgendaIds.TITLE
            + "\":{\"t\":{\"type\":\"plain_text_input\",\"value\":"
            + SlackRequests.jsonString(title)
            + "}},\""
            + AgendaIds.OWNER
            + "\":{\"o\":{\"type\":\"users_select\",\"selected_user\":"
            + SlackRequests.jsonString(owner)
            + "}},\""
            + AgendaIds.MINUTES
            + "\":{\"n\":{\"type\":\"plain_text_input\",\"value\":"
            + SlackRequests.jsonString(minutes)
            + "}}}";
    return SlackRequests.interaction(
        SlackRequests.viewSubmission(user, AgendaIds.ADD_CALLBACK, "", values));
  }

  private static String metadata(String formBody) {
    String json = formBody.substring(formBody.indexOf("view=") + 5);
    return com.google.gson.JsonParser.parseString(json)
        .getAsJsonObject()
        .get("private_metadata")
        .getAsString();
  }

  private List<String> formCalls(String method, String containing) {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/api/" + method))
        .map(e -> URLDecoder.decode(e.getRequest().getBodyAsString(), StandardCharsets.UTF_8))
        .filter(x -> x.contains(containing))
        .toList();
  }

  /** The cadence form: weekly on Tuesdays from 5 Jan 2027, 10:00 Berlin, reminded a day before. */
  static String cadence(String name, String channel) {
    return "{"
        + "\"cadence_name\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(name)
        + "}},"
        + "\"cadence_owner\":{\"value\":{\"type\":\"users_select\",\"selected_user\":\"U0ADMIN\"}},"
        + "\"cadence_kind\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"value\":\"WEEKLY\"}}},"
        + "\"cadence_start\":{\"value\":{\"type\":\"datepicker\",\"selected_date\":\"2027-01-05\"}},"
        + "\"cadence_time\":{\"value\":{\"type\":\"timepicker\",\"selected_time\":\"10:00\"}},"
        + "\"cadence_zone\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"Europe/Berlin\"}},"
        + "\"cadence_channel\":{\"value\":{\"type\":\"conversations_select\",\"selected_conversation\":"
        + SlackRequests.jsonString(channel)
        + "}},"
        + "\"cadence_leads\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"1d\"}}"
        + "}";
  }
}
