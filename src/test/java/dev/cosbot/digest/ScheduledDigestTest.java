package dev.cosbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cosbot.escalation.EscalationRequests;
import dev.cosbot.status.StatusIds;
import dev.cosbot.status.StatusRequests;
import dev.cosbot.testsupport.FreshStart;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CXO's scheduled digest the way a day goes: on an empty database, a Chief of Staff creates two
 * initiatives, their owners post a red update with an ask to the CXO and an amber one, someone
 * raises an S1 — all through signed Slack requests — and the sweep, run as its timer runs it at the
 * CXO's 07:30, DMs a digest that carries all of it, counted from the previous day's digest.
 */
@QuarkusTest
@TestProfile(FreshStart.class)
class ScheduledDigestTest extends SlackTestBase {
  @jakarta.inject.Inject dev.cosbot.platform.support.SignedMetadata signer;

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

  /** A Monday; the fresh database has no digest, update or escalation before it. */
  static final LocalDate MONDAY = LocalDate.of(2032, 3, 1);

  @Inject TestClock clock;
  @Inject DigestSweepJob sweepJob;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  void at(LocalDate date, String time) {
    clock.setTo(ZonedDateTime.of(date, LocalTime.parse(time), PARIS).toInstant());
  }

  List<JsonObject> digestsTo(String user, LocalDate date) {
    return matching("chat.postMessage", "Your digest · " + DAY.format(date)).stream()
        .filter(b -> b.get("channel").getAsString().equals(user))
        .toList();
  }

  void createInitiative(String name, String owner) {
    SlackRequests.cos("U0ADMIN", "initiative new").then().statusCode(200);
    String body =
        SlackRequests.interaction(
                SlackRequests.viewSubmission(
                    "U0ADMIN",
                    StatusIds.INITIATIVE_MODAL,
                    signer.sign("new"),
                    StatusRequests.initiativeValues(name, owner, "Platform", "10:00", null)))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body).doesNotContain("errors");
  }

  void postUpdate(String owner, String initiative, String values) throws Exception {
    long id = scalar("SELECT id FROM status_initiative WHERE name = '" + initiative + "'");
    String body =
        SlackRequests.interaction(
                SlackRequests.viewSubmission(
                    owner, StatusIds.UPDATE_MODAL, signer.signId(id), values))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body).doesNotContain("errors");
  }

  @Test
  void theScheduledDigestCarriesEverythingSinceThePreviousOne() throws Exception {
    SlackApiTestResource.knowsUser(slack, "U0CXO", "cxo", "The CXO", "Europe/Paris");
    SlackApiTestResource.knowsUser(slack, "U0APOLLO", "ann", "Ann Owner", "Europe/Paris");
    SlackApiTestResource.knowsUser(slack, "U0ZEUSOWN", "bob", "Bob Owner", "Europe/Paris");

    // Monday 07:31: the first digest (nothing yet) goes out on the timer's sweep.
    at(MONDAY, "07:31");
    sweepJob.sweep();
    awaitCalls("chat.postMessage", "Your digest · " + DAY.format(MONDAY), 1);
    assertThat(digestsTo("U0CXO", MONDAY)).hasSize(1);

    // During Monday: a red initiative with an ask to the CXO, an amber one, an S1.
    at(MONDAY, "11:00");
    createInitiative("Apollo", "U0APOLLO");
    createInitiative("Zeus", "U0ZEUSOWN");
    postUpdate(
        "U0APOLLO",
        "Apollo",
        StatusRequests.updateValues(
            "RED", "Vendor missed the date", "No vendor", "Budget sign-off", "U0CXO", "LOW", "40"));
    postUpdate(
        "U0ZEUSOWN",
        "Zeus",
        StatusRequests.updateValues(
            "AMBER", "Hiring is slow", "Two roles open", null, null, "MEDIUM", "60"));
    SlackRequests.signed(
            EscalationRequests.raiseSubmissionBody(
                "U0REPORTER", "Payments are down", "S1", "Payments"),
            "application/x-www-form-urlencoded")
        .then()
        .statusCode(200);

    // Three minutes before the send time: nothing sent yet, and the preview shows the red one.
    at(MONDAY.plusDays(1), "07:27");
    sweepJob.sweep();
    assertThat(digestsTo("U0CXO", MONDAY.plusDays(1))).as("not 07:30 yet").isEmpty();
    SlackRequests.cos("U0ADMIN", "digest preview").then().statusCode(200);
    assertThat(awaitCalls("chat.postMessage", "Preview of the CXO digest", 1).get(0).toString())
        .contains("*Apollo* (Platform) turned red");

    // ...and the scheduled digest at 07:30 on Tuesday carries them all.
    at(MONDAY.plusDays(1), "07:30");
    sweepJob.sweep();
    JsonObject dm =
        awaitCalls("chat.postMessage", "Your digest · " + DAY.format(MONDAY.plusDays(1)), 1).get(0);
    assertThat(dm.get("channel").getAsString()).isEqualTo("U0CXO");
    String body = dm.toString();
    int needsYou = body.indexOf("*Needs you*");
    int watch = body.indexOf("*Watch*");
    int red = body.indexOf("*Apollo* (Platform) turned red");
    int ask = body.indexOf("asks you on *Apollo*");
    int s1 = body.indexOf("Payments are down");
    int amber = body.indexOf("*Zeus* (Platform) is at risk");
    assertThat(List.of(needsYou, red, ask, s1, watch, amber)).doesNotContain(-1);
    assertThat(List.of(red, ask, s1)).allSatisfy(i -> assertThat(i).isBetween(needsYou, watch));
    assertThat(amber).isGreaterThan(watch);
    assertThat(body).contains("Budget sign-off");
    assertThat(digestsTo("U0CXO", MONDAY.plusDays(1))).hasSize(1);
  }
}
