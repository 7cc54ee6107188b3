package dev.cosbot.status;

import static dev.cosbot.status.StatusRequests.initiativeValues;
import static dev.cosbot.status.StatusRequests.select;
import static dev.cosbot.status.StatusRequests.updateValues;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.google.gson.JsonObject;
import dev.cosbot.testsupport.BlockKitLimits;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Status updates accepted end to end, driven through signed Slack requests against WireMock:
 * portfolio modals, check-ins in each owner's zone, updates and versions, nudges, missing, stale,
 * away, rollups.
 */
@QuarkusTest
class StatusFlowTest extends SlackTestBase {
  @jakarta.inject.Inject dev.cosbot.platform.support.SignedMetadata signer;

  @Inject TestClock clock;
  @Inject StatusCheckins checkins;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  // ---- helpers ---------------------------------------------------------------------------------

  static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
  }

  void person(String id, String tz, String emoji, String text, Instant expires) throws Exception {
    execute(
        "INSERT INTO person (slack_user_id, display_name, time_zone, status_emoji, status_text, status_expires_at, synced_at)"
            + " VALUES ('"
            + id
            + "', '"
            + id.toLowerCase()
            + "', '"
            + tz
            + "', "
            + sql(emoji)
            + ", "
            + sql(text)
            + ", "
            + (expires == null ? "NULL" : "'" + expires + "'")
            + ", now() + interval '3650 days')"
            + " ON CONFLICT (slack_user_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, status_emoji = EXCLUDED.status_emoji,"
            + " status_text = EXCLUDED.status_text, status_expires_at = EXCLUDED.status_expires_at");
  }

  static String sql(String s) {
    return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
  }

  /** Creates an initiative through /cos initiative new and its modal; returns its id. */
  long create(String caller, String name, String owner, String team, String channel)
      throws Exception {
    SlackRequests.cos(caller, "initiative new").then().statusCode(200);
    awaitViewOpened("status_initiative_modal");
    String body =
        SlackRequests.interaction(
                SlackRequests.viewSubmission(
                    caller,
                    StatusIds.INITIATIVE_MODAL,
                    signer.sign("new"),
                    initiativeValues(name, owner, team, "10:00", channel)))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body).doesNotContain("errors");
    return scalar("SELECT id FROM status_initiative WHERE name = '" + name + "'");
  }

  String submitUpdate(String user, long id, String values) {
    return submitUpdate(user, signer.signId(id), values);
  }

  /** Submits the update form with {@code metadata} as Slack hands it back. */
  String submitUpdate(String user, String metadata, String values) {
    String body =
        SlackRequests.interaction(
                SlackRequests.viewSubmission(user, StatusIds.UPDATE_MODAL, metadata, values))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    BlockKitLimits.assertAckValid(body);
    return body;
  }

  static Cadence fridayAtTen() {
    return new Cadence(1, DayOfWeek.FRIDAY, LocalTime.of(10, 0), LocalDate.now());
  }

  /** Waits for a views.open (form-encoded by the SDK) whose view contains {@code containing}. */
  void awaitViewOpened(String containing) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                slack.getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().endsWith("/api/views.open"))
                    .map(
                        e ->
                            java.net.URLDecoder.decode(
                                e.getRequest().getBodyAsString(),
                                java.nio.charset.StandardCharsets.UTF_8))
                    .anyMatch(b -> b.contains(containing)));
  }

  List<JsonObject> prompts(String name) {
    return matching("chat.postMessage", "Time for your update on *" + name);
  }

  // ---- acceptance ------------------------------------------------------------------------------

  @Test
  void ownersInTokyoAndLosAngelesArePromptedAtTheirOwnTenThenUpdateAndSeeItInTheRollup()
      throws Exception {
    person("U0TOKYO", "Asia/Tokyo", null, null, null);
    person("U0LAOWNER", "America/Los_Angeles", null, null, null);
    String team = unique("Platform");
    String tokyo = unique("Tokyo launch");
    String la = unique("LA office");
    long tokyoId = create("U0TOKYO", tokyo, "U0TOKYO", team, "C0STATUS");
    long laId = create("U0ADMIN", la, "U0LAOWNER", team, "C0STATUS");
    assertThat(
            awaitCalls("chat.postMessage", "made you the owner of *" + la, 1)
                .get(0)
                .get("channel")
                .getAsString())
        .isEqualTo("U0LAOWNER");

    Instant now = Instant.now();
    Instant tokyoDue = fridayAtTen().nextAfter(now, ZoneId.of("Asia/Tokyo"));
    Instant laDue = fridayAtTen().nextAfter(now, ZoneId.of("America/Los_Angeles"));
    assertThat(tokyoDue.atZone(ZoneId.of("Asia/Tokyo")).toLocalTime())
        .isEqualTo(LocalTime.of(10, 0));

    clock.setTo(tokyoDue.minusSeconds(60));
    checkins.step(tokyoId, clock.instant());
    checkins.step(laId, clock.instant());
    clock.setTo(tokyoDue.plusSeconds(30));
    checkins.step(tokyoId, clock.instant());
    checkins.step(laId, clock.instant());
    JsonObject prompt =
        awaitCalls("chat.postMessage", "Time for your update on *" + tokyo, 1).get(0);
    assertThat(prompt.get("channel").getAsString()).isEqualTo("U0TOKYO");
    assertThat(prompt.toString()).contains(StatusIds.POST_UPDATE_ACTION).contains("No update yet");
    assertThat(prompts(la)).as("not yet 10:00 in Los Angeles").isEmpty();

    clock.setTo(laDue.plusSeconds(30));
    checkins.step(laId, clock.instant());
    assertThat(
            awaitCalls("chat.postMessage", "Time for your update on *" + la, 1)
                .get(0)
                .get("channel")
                .getAsString())
        .isEqualTo("U0LAOWNER");
    assertThat(
            scalar(
                "SELECT count(*) FROM status_period WHERE initiative_id = "
                    + laId
                    + " AND due_at = '"
                    + laDue
                    + "'"))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM status_period WHERE initiative_id = "
                    + tokyoId
                    + " AND due_at = '"
                    + tokyoDue
                    + "'"))
        .isEqualTo(1);

    // The button opens the update modal; the owner submits it.
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0TOKYO", StatusIds.POST_UPDATE_ACTION, signer.signId(tokyoId), "b"))
        .then()
        .statusCode(200);
    awaitViewOpened("status_update_modal");
    clock.setTo(tokyoDue.plusSeconds(600));
    submitUpdate(
        "U0TOKYO",
        tokyoId,
        updateValues(
            "AMBER",
            "Vendor late <!channel>",
            "Vendor slips a week",
            "Budget sign-off",
            "U0CXO",
            "MEDIUM",
            "40"));
    assertThat(scalar("SELECT count(*) FROM status_update WHERE initiative_id = " + tokyoId))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM status_rag_event WHERE initiative_id = "
                    + tokyoId
                    + " AND to_rag = 'AMBER'"))
        .isEqualTo(1);
    JsonObject ask = awaitCalls("chat.postMessage", "has an ask for you on *" + tokyo, 1).get(0);
    assertThat(ask.get("channel").getAsString()).isEqualTo("U0CXO");
    awaitCalls("chat.postMessage", "Your update on *" + tokyo, 1);

    // The same period again: a new version, not a second update; the RAG change is an event.
    submitUpdate(
        "U0TOKYO",
        tokyoId,
        updateValues(
            "RED", "Vendor missed the date", "No vendor", "Budget sign-off", "U0CXO", "LOW", "40"));
    assertThat(scalar("SELECT count(*) FROM status_update WHERE initiative_id = " + tokyoId))
        .isEqualTo(1);
    assertThat(scalar("SELECT version FROM status_update WHERE initiative_id = " + tokyoId))
        .isEqualTo(2);
    assertThat(
            scalar(
                "SELECT count(*) FROM status_update_version v JOIN status_update u ON u.id = v.update_id"
                    + " WHERE u.initiative_id = "
                    + tokyoId
                    + " AND v.rag = 'AMBER' AND v.version = 1"))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM status_rag_event WHERE initiative_id = "
                    + tokyoId
                    + " AND from_rag = 'AMBER' AND to_rag = 'RED'"))
        .isEqualTo(1);

    // A later sweep of that period does not prompt again.
    checkins.step(tokyoId, clock.instant().plus(Duration.ofHours(30)));
    assertThat(matching("chat.postMessage", "Reminder: the update on *" + tokyo)).isEmpty();
    assertThat(prompts(tokyo)).hasSize(1);

    // /cos report shows it, transitions first.
    String report =
        SlackRequests.cos("U0ADMIN", "report " + team).then().statusCode(200).extract().asString();
    BlockKitLimits.assertAckValid(report);
    assertThat(report)
        .contains(tokyo)
        .contains("What changed")
        .contains("Off track")
        .contains("Budget sign-off")
        .doesNotContain("<!channel>");
    String one =
        SlackRequests.cos("U0TOKYO", "report " + tokyo).then().statusCode(200).extract().asString();
    assertThat(one).contains(tokyo).doesNotContain(la);

    // JSON rollup behind the API token.
    given().get("/api/v1/status/rollup").then().statusCode(401);
    JsonPath rollup =
        given()
            .header("Authorization", "Bearer test-api-token")
            .queryParam("team", team)
            .get("/api/v1/status/rollup")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(rollup.getInt("counts.initiatives")).isEqualTo(2);
    assertThat(rollup.getInt("counts.red")).isEqualTo(1);
    assertThat(rollup.getString("groups[0].rag")).isEqualTo("RED");
    assertThat(rollup.getString("groups[0].teams[0].initiatives[0].name")).isEqualTo(tokyo);
    assertThat(rollup.getString("changes[0].to")).isEqualTo("RED");
    assertThat(rollup.getString("openAsks[0].askTo")).isEqualTo("U0CXO");

    // CSV: every update, formula injection neutralised.
    submitUpdate(
        "U0TOKYO",
        tokyoId,
        updateValues("RED", "=HYPERLINK(\"http://evil\")", "No vendor", null, null, "LOW", null));
    String csv =
        given()
            .header("Authorization", "Bearer test-api-token")
            .queryParam("team", team)
            .get("/api/v1/status/updates.csv")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv)
        .startsWith("update_id,initiative")
        .contains("'=HYPERLINK")
        .doesNotContain(",=HYPERLINK");
  }

  @Test
  void aTamperedInitiativeIdInAFormOrButtonGetsThePoliteCantFindAnswerAndChangesNothing()
      throws Exception {
    String name = "Tamper " + UUID.randomUUID().toString().substring(0, 6);
    long id = create("U0ADMIN", name, "U0ADMIN", "Ops", null);
    String good = signer.signId(id);
    String otherId = (id + 1) + good.substring(good.indexOf('~'));
    for (String metadata : List.of(String.valueOf(id), otherId)) {
      assertThat(
              submitUpdate(
                  "U0ADMIN",
                  metadata,
                  StatusRequests.updateValues("GREEN", "Fine", null, null, null, "HIGH", null)))
          .contains("find that initiative");
    }
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                StatusIds.INITIATIVE_MODAL,
                "edit:" + id,
                initiativeValues(name + " renamed", "U0ADMIN", "Ops", "10:00", null)))
        .then()
        .statusCode(200)
        .body("errors." + StatusIds.NAME, containsString("can't find that initiative"));
    SlackRequests.interaction(
            SlackRequests.blockAction("U0ADMIN", StatusIds.POST_UPDATE_ACTION, otherId, "b"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "can't find that initiative", 1);
    assertThat(scalar("SELECT count(*) FROM status_update WHERE initiative_id = " + id)).isZero();
    assertThat(scalar("SELECT count(*) FROM status_initiative WHERE name = '" + name + "'"))
        .isEqualTo(1);
  }

  @Test
  void invalidModalSubmissionsReturnFieldErrorsAndStoreNothing() throws Exception {
    long before = scalar("SELECT count(*) FROM status_initiative");
    String body =
        SlackRequests.interaction(
                SlackRequests.viewSubmission(
                    "U0ADMIN",
                    StatusIds.INITIATIVE_MODAL,
                    signer.sign("new"),
                    initiativeValues("", "U0ADMIN", "x".repeat(81), null, null)))
            .then()
            .statusCode(200)
            .body("response_action", equalTo("errors"))
            .body("errors.name", containsString("required"))
            .body("errors.team", containsString("80"))
            .body("errors.cadence_time", containsString("time"))
            .extract()
            .asString();
    BlockKitLimits.assertAckValid(body);
    assertThat(scalar("SELECT count(*) FROM status_initiative")).isEqualTo(before);

    person("U0VALID", "Europe/London", null, null, null);
    String name = unique("Validation");
    long id = create("U0VALID", name, "U0VALID", "Ops", null);
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0ADMIN",
                StatusIds.INITIATIVE_MODAL,
                signer.sign("new"),
                initiativeValues(name.toUpperCase(), "U0ADMIN", "Ops", "10:00", null)))
        .then()
        .statusCode(200)
        .body("errors.name", containsString("already exists"));

    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0VALID",
                StatusIds.UPDATE_MODAL,
                signer.signId(id),
                updateValues(null, "s".repeat(501), null, null, null, "MEDIUM", "150")))
        .then()
        .statusCode(200)
        .body("response_action", equalTo("errors"))
        .body("errors.rag", containsString("on track"))
        .body("errors.summary", containsString("500"))
        .body("errors.percent", containsString("0 to 100"));
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0VALID",
                StatusIds.UPDATE_MODAL,
                signer.signId(id),
                updateValues("RED", "Late", null, null, null, "LOW", null)))
        .then()
        .statusCode(200)
        .body("errors.risks", containsString("risk"));
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0STRANGER",
                StatusIds.UPDATE_MODAL,
                signer.signId(id),
                updateValues("GREEN", "Fine", null, null, null, "HIGH", null)))
        .then()
        .statusCode(200)
        .body("errors.summary", containsString("Only the owner"));
    assertThat(scalar("SELECT count(*) FROM status_update WHERE initiative_id = " + id)).isZero();
  }

  @Test
  void aMissingUpdateIsNudgedOnceThenMarkedMissingAndRepeatedMissesGoStale() throws Exception {
    person("U0LATE", "Europe/London", null, null, null);
    String name = unique("Quiet project");
    long id = create("U0LATE", name, "U0LATE", unique("Quiet"), null);
    Instant due = fridayAtTen().nextAfter(Instant.now(), ZoneId.of("Europe/London"));

    checkins.step(id, due.plusSeconds(60));
    checkins.step(id, due.plusSeconds(120));
    awaitCalls("chat.postMessage", "Time for your update on *" + name, 1);
    checkins.step(id, due.plus(Duration.ofHours(25)));
    checkins.step(id, due.plus(Duration.ofHours(26)));
    awaitCalls("chat.postMessage", "Reminder: the update on *" + name, 1);
    checkins.step(id, due.plus(Duration.ofHours(50)));
    checkins.step(id, due.plus(Duration.ofHours(51)));
    assertThat(
            scalar(
                "SELECT count(*) FROM status_period WHERE initiative_id = "
                    + id
                    + " AND state = 'MISSING'"))
        .isEqualTo(1);
    assertThat(prompts(name)).hasSize(1);
    assertThat(matching("chat.postMessage", "Reminder: the update on *" + name)).hasSize(1);

    JsonPath rollup =
        given()
            .header("Authorization", "Bearer test-api-token")
            .queryParam("from", due.minusSeconds(60).toString())
            .queryParam("to", due.plus(Duration.ofDays(3)).toString())
            .get("/api/v1/status/rollup")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(rollup.getList("missing.findAll { it.initiativeId == " + id + " }.state"))
        .containsExactly("MISSING");

    // Second week missed in a row (stale-after-missed is 2 in tests): the Chiefs of Staff hear of
    // it.
    Instant next = due.plus(Duration.ofDays(7));
    checkins.step(id, next.plusSeconds(60));
    checkins.step(id, next.plus(Duration.ofHours(25)));
    checkins.step(id, next.plus(Duration.ofHours(50)));
    JsonObject stale =
        awaitCalls("chat.postMessage", "is *stale*", 1).stream()
            .filter(m -> m.toString().contains("*" + name + "* ("))
            .findFirst()
            .orElseThrow();
    assertThat(stale.get("channel").getAsString()).isEqualTo("U0ADMIN");
    assertThat(
            scalar(
                "SELECT count(*) FROM status_initiative WHERE id = "
                    + id
                    + " AND stale_since IS NOT NULL"))
        .isEqualTo(1);
    checkins.step(id, next.plus(Duration.ofHours(60)));
    assertThat(
            matching("chat.postMessage", "is *stale*").stream()
                .filter(m -> m.toString().contains(name))
                .count())
        .isEqualTo(1);
  }

  @Test
  void anOwnerOnVacationIsNotPromptedAndShowsAsAway() throws Exception {
    person(
        "U0BEACH",
        "Europe/Paris",
        ":palm_tree:",
        "On vacation",
        Instant.now().plus(Duration.ofDays(60)));
    String name = unique("Beach project");
    long id = create("U0ADMIN", name, "U0BEACH", "Sales", null);
    Instant due = fridayAtTen().nextAfter(Instant.now(), ZoneId.of("Europe/Paris"));
    checkins.step(id, due.plusSeconds(60));
    checkins.step(id, due.plus(Duration.ofHours(30)));
    assertThat(
            scalar(
                "SELECT count(*) FROM status_period WHERE initiative_id = "
                    + id
                    + " AND state = 'AWAY'"))
        .isEqualTo(1);
    assertThat(prompts(name)).isEmpty();
    JsonPath rollup =
        given()
            .header("Authorization", "Bearer test-api-token")
            .queryParam("from", due.minusSeconds(60).toString())
            .queryParam("to", due.plusSeconds(3600).toString())
            .get("/api/v1/status/rollup")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(rollup.getList("missing.findAll { it.initiativeId == " + id + " }.state"))
        .containsExactly("AWAY");

    // The status expired by the next week: prompted again.
    Instant next = due.plus(Duration.ofDays(7));
    execute(
        "UPDATE person SET status_expires_at = '"
            + next.minusSeconds(3600)
            + "' WHERE slack_user_id = 'U0BEACH'");
    checkins.step(id, next.plusSeconds(60));
    awaitCalls("chat.postMessage", "Time for your update on *" + name, 1);
  }

  @Test
  void anEarlyUpdateCountsForThePeriodAndNoPromptIsSent() throws Exception {
    person("U0EARLY", "Asia/Tokyo", null, null, null);
    String name = unique("Early bird");
    long id = create("U0EARLY", name, "U0EARLY", "Design", null);
    Instant due =
        fridayAtTen().nextAfter(Instant.now().plus(Duration.ofDays(1)), ZoneId.of("Asia/Tokyo"));
    clock.setTo(due.minus(Duration.ofHours(14)));
    SlackRequests.cos("U0EARLY", "status").then().statusCode(200);
    awaitViewOpened("status_update_modal");
    submitUpdate("U0EARLY", id, updateValues("GREEN", "All good", null, null, null, "HIGH", "100"));
    assertThat(
            scalar(
                "SELECT count(*) FROM status_update WHERE initiative_id = "
                    + id
                    + " AND period_due = '"
                    + due
                    + "'"))
        .isEqualTo(1);
    checkins.step(id, due.plusSeconds(60));
    checkins.step(id, due.plus(Duration.ofHours(30)));
    assertThat(
            scalar(
                "SELECT count(*) FROM status_period WHERE initiative_id = "
                    + id
                    + " AND state = 'UPDATED'"))
        .isEqualTo(1);
    assertThat(prompts(name)).isEmpty();
  }

  @Test
  void promptsStayAtTenLocalAcrossDaylightSavingTime() throws Exception {
    person("U0DST", "America/Los_Angeles", null, null, null);
    String name = unique("DST project");
    long id = create("U0DST", name, "U0DST", "Infra", null);
    // US clocks spring forward on 2027-03-14: Friday 10:00 is 18:00Z before, 17:00Z after.
    Instant before = Instant.parse("2027-03-12T18:00:00Z");
    Instant after = Instant.parse("2027-03-19T17:00:00Z");
    checkins.step(id, before.plusSeconds(30));
    checkins.step(id, after.minusSeconds(30));
    awaitCalls("chat.postMessage", "Time for your update on *" + name, 1);
    assertThat(prompts(name)).hasSize(1);
    checkins.step(id, after.plusSeconds(30));
    awaitCalls("chat.postMessage", "Time for your update on *" + name, 2);
    assertThat(
            scalar(
                "SELECT count(*) FROM status_period WHERE initiative_id = "
                    + id
                    + " AND due_at IN ('"
                    + before
                    + "', '"
                    + after
                    + "')"))
        .isEqualTo(2);
  }

  @Test
  void initiativesAreListedEditedAndClosed() throws Exception {
    person("U0LIST", "UTC", null, null, null);
    String team = unique("Listing");
    String name = unique("Listed");
    long id = create("U0LIST", name, "U0LIST", team, null);
    SlackRequests.cos("U0OTHER", "initiatives " + team)
        .then()
        .statusCode(200)
        .body("text", containsString(name));
    SlackRequests.cos("U0OTHER", "initiative edit \"" + name + "\"")
        .then()
        .statusCode(200)
        .body("text", containsString("Only the owner"));
    SlackRequests.cos("U0LIST", "initiative edit \"" + name + "\"").then().statusCode(200);
    awaitViewOpened("Edit initiative");
    SlackRequests.interaction(
            SlackRequests.viewSubmission(
                "U0LIST",
                StatusIds.INITIATIVE_MODAL,
                signer.sign("edit:" + id),
                initiativeValues(name, "U0LIST", team + " B", "09:30", null)
                    .replace("}}}", "}}," + select("state", "PAUSED").substring(0) + "}")))
        .then()
        .statusCode(200);
    assertThat(
            scalar(
                "SELECT count(*) FROM status_initiative WHERE id = "
                    + id
                    + " AND state = 'PAUSED' AND cadence_time = '09:30'"))
        .isEqualTo(1);
    SlackRequests.cos("U0LIST", "initiative done \"" + name + "\"")
        .then()
        .statusCode(200)
        .body("text", containsString("is done"));
    assertThat(
            scalar(
                "SELECT count(*) FROM status_initiative WHERE id = " + id + " AND state = 'DONE'"))
        .isEqualTo(1);
    SlackRequests.cos("U0LIST", "initiatives " + team + " B")
        .then()
        .statusCode(200)
        .body("text", containsString("No open initiatives"));
  }

  @Test
  void aReportOfANameThatIsNeitherInitiativeNorTeamSaysSoAndSuggestsTheClosest() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String name = "Payments " + suffix;
    create("U0ADMIN", name, "U0ADMIN", "Money " + suffix, null);
    // A typo of an initiative's name: "did you mean", and no empty report.
    String typo = "Paymnets " + suffix;
    String body =
        SlackRequests.cos("U0ADMIN", "report " + typo).then().statusCode(200).extract().asString();
    BlockKitLimits.assertAckValid(body);
    JsonPath answer = JsonPath.from(body);
    assertThat(answer.getString("response_type")).isEqualTo("ephemeral");
    assertThat(answer.getString("text"))
        .contains("There's no initiative or team called “" + typo + "”")
        .contains("Did you mean `/cos report " + name + "`?");
    assertThat(body).doesNotContain("Status report");
    // Nothing close: said plainly, with what to type instead.
    String none = "zz" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(SlackRequests.cos("U0ADMIN", "report " + none).jsonPath().getString("text"))
        .contains("There's no initiative or team called “" + none + "”")
        .doesNotContain("Did you mean")
        .contains("`/cos initiatives`");
    // A team's name still gives its report.
    assertThat(
            SlackRequests.cos("U0ADMIN", "report money " + suffix)
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("Status report: Money " + suffix)
        .contains(name);
  }
}
