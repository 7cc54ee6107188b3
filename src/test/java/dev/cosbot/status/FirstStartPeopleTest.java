package dev.cosbot.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.cosbot.testsupport.FreshStart;
import dev.cosbot.testsupport.SlackApiTestResource;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fresh install, no nightly sync: the directory is filled from Slack at the first start, and
 * owners the bot has never met — known only through Slack's users.info — are prompted at 10:00 in
 * their own zones (Los Angeles and Tokyo), when the sweep runs as its timer runs it.
 */
@QuarkusTest
@TestProfile(FreshStart.class)
class FirstStartPeopleTest extends SlackTestBase {
  @jakarta.inject.Inject dev.cosbot.platform.support.SignedMetadata signer;

  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Inject TestClock clock;
  @Inject StatusJobs jobs;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theDirectoryIsFilledOnceAtFirstStartFromBothPagesOfUsersList() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                scalar(
                        "SELECT count(*) FROM workspace_setting WHERE setting_key = 'people.first_fill'"
                            + " AND setting_value LIKE 'done%'")
                    == 1);
    assertThat(
            List.of(tz("U0FILLA").equals("Europe/London"), tz("U0FILLB").equals("Europe/Berlin")))
        .containsOnly(true);
  }

  String tz(String id) {
    try (var c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT time_zone FROM person WHERE slack_user_id = ?")) {
      s.setString(1, id);
      try (var rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  long create(String name, String owner) throws Exception {
    SlackRequests.cos("U0ADMIN", "initiative new").then().statusCode(200);
    String body =
        SlackRequests.interaction(
                SlackRequests.viewSubmission(
                    "U0ADMIN",
                    StatusIds.INITIATIVE_MODAL,
                    signer.sign("new"),
                    StatusRequests.initiativeValues(name, owner, "Global", "10:00", null)))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body).doesNotContain("errors");
    return scalar("SELECT id FROM status_initiative WHERE name = '" + name + "'");
  }

  List<JsonObject> prompts(String name) {
    return matching("chat.postMessage", "Time for your update on *" + name);
  }

  /** The sweep as its timer runs it: "now" is the application's clock. */
  void sweepAt(Instant at) {
    clock.setTo(at);
    jobs.scheduledSweep();
  }

  @Test
  void ownersKnownOnlyToSlackArePromptedAtTenInTheirOwnZones() throws Exception {
    SlackApiTestResource.knowsUser(slack, "U0LAOWNER", "lee", "Lee Angeles", LA.getId());
    SlackApiTestResource.knowsUser(slack, "U0TKOWNER", "kei", "Kei Tokyo", TOKYO.getId());
    assertThat(
            scalar("SELECT count(*) FROM person WHERE slack_user_id IN ('U0LAOWNER','U0TKOWNER')"))
        .as("nobody has met them yet")
        .isZero();

    long la = create("Pacific launch", "U0LAOWNER");
    long tokyo = create("Tokyo office", "U0TKOWNER");
    assertThat(
            slack.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/api/users.info"))
                .map(e -> e.getRequest().getBodyAsString())
                .filter(b -> b.contains("U0LAOWNER") || b.contains("U0TKOWNER"))
                .count())
        .as("asked Slack who the owners are")
        .isGreaterThanOrEqualTo(2);

    Instant now = Instant.now();
    Cadence fridayAtTen = new Cadence(1, DayOfWeek.FRIDAY, LocalTime.of(10, 0), LocalDate.now());
    Instant tokyoDue = fridayAtTen.nextAfter(now, TOKYO);
    Instant laDue = fridayAtTen.nextAfter(now, LA);
    assertThat(laDue.atZone(LA).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
    assertThat(laDue).isAfter(tokyoDue);

    sweepAt(tokyoDue.minusSeconds(60));
    sweepAt(tokyoDue.plusSeconds(30));
    JsonObject prompt =
        awaitCalls("chat.postMessage", "Time for your update on *Tokyo office", 1).get(0);
    assertThat(prompt.get("channel").getAsString()).isEqualTo("U0TKOWNER");
    assertThat(prompts("Pacific launch")).as("not yet 10:00 in Los Angeles").isEmpty();

    sweepAt(laDue.minusSeconds(60));
    assertThat(prompts("Pacific launch")).as("09:59 in Los Angeles").isEmpty();
    sweepAt(laDue.plusSeconds(30));
    assertThat(
            awaitCalls("chat.postMessage", "Time for your update on *Pacific launch", 1)
                .get(0)
                .get("channel")
                .getAsString())
        .isEqualTo("U0LAOWNER");
    assertThat(
            scalar(
                "SELECT count(*) FROM status_period WHERE initiative_id = "
                    + la
                    + " AND due_at = '"
                    + laDue
                    + "'"))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM status_period WHERE initiative_id = "
                    + tokyo
                    + " AND due_at = '"
                    + tokyoDue
                    + "'"))
        .isEqualTo(1);
    assertThat(prompts("Tokyo office")).hasSize(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM person WHERE slack_user_id = 'U0LAOWNER'"
                    + " AND time_zone = 'America/Los_Angeles'"))
        .as("cached in the people table")
        .isEqualTo(1);
  }
}
