package dev.cosbot.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.google.gson.JsonObject;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.TeamSignal;
import dev.cosbot.testsupport.OnlyDigestSources;
import dev.cosbot.testsupport.SlackRequests;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CXO digest end to end: gathered from sources (a fixture standing in for status, escalation,
 * pulse and cadence), ranked, capped, sent once per local working day at 07:30 across replicas,
 * restarts and time-zone changes; previews, pins, mutes, opt-in and "Ask owner for detail".
 */
@QuarkusTest
class DigestDeliveryTest extends SlackTestBase {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

  @Inject TestClock clock;
  @Inject DigestDelivery delivery;
  @Inject DigestService digests;

  @BeforeEach
  void setUp() throws Exception {
    FixtureDigestSource.reset();
    OnlyDigestSources.only(FixtureDigestSource.NAME::equals);
    execute(
        "INSERT INTO workspace_setting (setting_key, setting_value, updated_by, updated_at) VALUES ('cxo', 'U0CXO', 'test', now())"
            + " ON CONFLICT (setting_key) DO UPDATE SET setting_value = 'U0CXO'");
    cxoZone("Europe/Paris");
    execute("DELETE FROM digest_delivery");
    execute("DELETE FROM digest_override");
    execute("DELETE FROM digest_subscriber");
  }

  @AfterEach
  void tearDown() {
    clock.reset();
    FixtureDigestSource.reset();
    OnlyDigestSources.only(null);
  }

  void cxoZone(String zone) throws Exception {
    execute(
        "INSERT INTO person (slack_user_id, display_name, time_zone, synced_at) VALUES ('U0CXO', 'cxo', '"
            + zone
            + "', now())"
            + " ON CONFLICT (slack_user_id) DO UPDATE SET time_zone = '"
            + zone
            + "', synced_at = now()");
  }

  /** A Monday no other test uses (the outbox keeps each day's key for good). */
  static LocalDate monday(int week) {
    return LocalDate.of(2027, 1, 4).plusWeeks(week);
  }

  void at(LocalDate date, String time, ZoneId zone) {
    clock.setTo(ZonedDateTime.of(date, LocalTime.parse(time), zone).toInstant());
  }

  List<JsonObject> digestsFor(String user, LocalDate date) {
    return matching("chat.postMessage", DAY.format(date)).stream()
        .filter(b -> b.get("channel").getAsString().equals(user))
        .toList();
  }

  static DigestItem item(String key, DigestSection section, int rank, String text) {
    return new DigestItem(key, section, rank, text, "https://acme.slack.com/archives/C0/p1", null);
  }

  @Test
  void featuresAppearUnderTheRightHeadingsInTheRightOrder() throws Exception {
    LocalDate day = monday(0);
    FixtureDigestSource.items =
        List.of(
            item("cadence:4", DigestSection.FYI, 40, "Staff meeting Thursday 10:00 (Berlin)"),
            item("pulse:3", DigestSection.WATCH, 60, "Platform eNPS dropped 14 points"),
            item("status:7", DigestSection.NEEDS_YOU, 85, "Initiative Apollo turned red"),
            item("escalation:9", DigestSection.NEEDS_YOU, 100, "S1 escalation: payments down"));
    FixtureDigestSource.signals =
        List.of(
            new TeamSignal("Platform", "1 red", 60), new TeamSignal("Platform", "eNPS ↓14", 50));
    at(day, "07:31", PARIS);
    assertThat(delivery.sweep()).isEqualTo(1);
    awaitCalls("chat.postMessage", DAY.format(day), 1);
    String body = digestsFor("U0CXO", day).get(0).toString();
    int s1 = body.indexOf("S1 escalation: payments down");
    int red = body.indexOf("Initiative Apollo turned red");
    int watch = body.indexOf("*Watch*");
    int pulse = body.indexOf("Platform eNPS dropped 14 points");
    int radar = body.indexOf("*Platform* — 1 red · eNPS ↓14");
    int fyi = body.indexOf("*FYI*");
    int cadence = body.indexOf("Staff meeting Thursday 10:00 (Berlin)");
    assertThat(List.of(s1, red, watch, pulse, radar, fyi, cadence)).doesNotContain(-1).isSorted();
    assertThat(body.indexOf("*Needs you*")).isBetween(0, s1);
  }

  @Test
  void sentOncePerDayWithTwoInstancesSweepingTogether() throws Exception {
    LocalDate day = monday(1);
    FixtureDigestSource.items =
        List.of(item("status:1", DigestSection.NEEDS_YOU, 80, "Apollo red"));
    at(day, "07:30", PARIS);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> two = List.of(delivery::sweep, delivery::sweep);
      int sent = 0;
      for (Future<Integer> f : pool.invokeAll(two)) {
        sent += f.get();
      }
      assertThat(sent).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    clock.advance(Duration.ofMinutes(5));
    assertThat(delivery.sweep()).isZero();
    clock.advance(Duration.ofHours(3));
    assertThat(delivery.sweep()).isZero();
    awaitCalls("chat.postMessage", DAY.format(day), 1);
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_delivery WHERE reader_id = 'U0CXO' AND local_date = '"
                    + day
                    + "'"))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM outbox_message WHERE idempotency_key = 'digest:U0CXO:"
                    + day
                    + "'"))
        .isEqualTo(1);
    assertThat(digestsFor("U0CXO", day)).hasSize(1);
  }

  @Test
  void aRestartThatSpannedSevenThirtySendsOnceWhenBackAndNotAfterTheCutOff() throws Exception {
    LocalDate day = monday(2);
    at(day, "07:29", PARIS);
    assertThat(delivery.sweep()).as("before 07:30").isZero();
    // Down from 07:29 to 09:40: the first sweep after the restart sends, the next ones do not.
    at(day, "09:40", PARIS);
    assertThat(delivery.sweep()).isEqualTo(1);
    at(day, "09:45", PARIS);
    assertThat(delivery.sweep()).isZero();
    awaitCalls("chat.postMessage", DAY.format(day), 1);
    // Down all day: nothing at 18:05, and nothing on Saturday or Sunday.
    at(day.plusDays(1), "18:05", PARIS);
    assertThat(delivery.sweep()).isZero();
    at(day.plusDays(5), "08:00", PARIS);
    assertThat(delivery.sweep()).isZero();
    at(day.plusDays(6), "08:00", PARIS);
    assertThat(delivery.sweep()).isZero();
    assertThat(scalar("SELECT count(*) FROM digest_delivery WHERE reader_id = 'U0CXO'"))
        .isEqualTo(1);
  }

  @Test
  void followsTheCxosSlackTimeZoneWhenItChanges() throws Exception {
    LocalDate day = monday(3);
    at(day, "07:35", PARIS);
    assertThat(delivery.sweep()).isEqualTo(1);
    // The CXO flies to New York: Slack tells us through user_change.
    String event =
        "{\"type\":\"user_change\",\"user\":{\"id\":\"U0CXO\",\"name\":\"cxo\",\"deleted\":false,\"is_bot\":false,"
            + "\"tz\":\"America/New_York\",\"real_name\":\"The CXO\",\"profile\":{\"display_name\":\"cxo\",\"real_name\":\"The CXO\"}},"
            + "\"event_ts\":\"1700000000.000100\"}";
    SlackRequests.event("Ev" + UUID.randomUUID().toString().substring(0, 8), event, null)
        .then()
        .statusCode(200);
    assertThat(
            scalar(
                "SELECT count(*) FROM person WHERE slack_user_id = 'U0CXO' AND time_zone = 'America/New_York'"))
        .isEqualTo(1);
    LocalDate tuesday = day.plusDays(1);
    at(tuesday, "07:35", PARIS); // 01:35 in New York
    assertThat(delivery.sweep()).isZero();
    at(tuesday, "07:20", ZoneId.of("America/New_York"));
    assertThat(delivery.sweep()).isZero();
    at(tuesday, "07:31", ZoneId.of("America/New_York"));
    assertThat(delivery.sweep()).isEqualTo(1);
    assertThat(
            scalar(
                "SELECT count(*) FROM digest_delivery WHERE reader_id = 'U0CXO' AND local_date = '"
                    + tuesday
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  void aQuietDayGetsAShortNothingNeedsYouDigest() throws Exception {
    LocalDate day = monday(4);
    at(day, "07:30", PARIS);
    assertThat(delivery.sweep()).isEqualTo(1);
    JsonObject sent = awaitCalls("chat.postMessage", DAY.format(day), 1).get(0);
    assertThat(sent.get("text").getAsString()).isEqualTo("Nothing needs you today.");
    assertThat(sent.getAsJsonArray("blocks")).hasSize(2);
  }

  @Test
  void fiveHundredOpenItemsStayWithinSlackLimitsWithCounts() throws Exception {
    LocalDate day = monday(5);
    List<DigestItem> many = new ArrayList<>();
    List<TeamSignal> signals = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String kind = new String[] {"escalation", "status", "pulse", "cadence"}[i % 4];
      many.add(
          new DigestItem(
              kind + ":" + i,
              DigestSection.values()[i % 3],
              i % 100,
              "Open item " + i + " " + "y".repeat(200),
              "https://acme.slack.com/archives/C0/p" + i,
              i % 7 == 0 ? DigestButton.askOwner("U0OWNER", "Item " + i) : null));
      signals.add(new TeamSignal("Team " + (i % 30), "signal " + i, i % 60));
    }
    FixtureDigestSource.items = many;
    FixtureDigestSource.signals = signals;
    at(day, "07:30", PARIS);
    assertThat(delivery.sweep()).isEqualTo(1);
    JsonObject sent = awaitCalls("chat.postMessage", DAY.format(day), 1).get(0);
    assertThat(sent.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(50);
    assertThat(sent.toString())
        .contains("more: ")
        .contains("more teams")
        .contains("*167* need you");
    // BlockKitLimits checks every captured call after the test.
  }

  @Test
  void aFailingSourceIsNotedAndTheDigestStillGoesOut() throws Exception {
    LocalDate day = monday(6);
    FixtureDigestSource.failing = true;
    at(day, "07:30", PARIS);
    assertThat(delivery.sweep()).isEqualTo(1);
    assertThat(awaitCalls("chat.postMessage", DAY.format(day), 1).get(0).toString())
        .contains("I couldn't read the fixture");
  }

  @Test
  void chiefsOfStaffPinMuteAndPreviewAndTheNextDigestConsumesThem() throws Exception {
    LocalDate day = monday(7);
    FixtureDigestSource.items =
        List.of(
            item("escalation:1", DigestSection.NEEDS_YOU, 100, "S1 noisy alarm"),
            item("status:2", DigestSection.FYI, 10, "Hiring plan on track"),
            item("status:3", DigestSection.NEEDS_YOU, 50, "Budget review"));
    at(day, "06:00", PARIS);
    SlackRequests.cos("U0MEMBER", "digest pin status:2")
        .then()
        .statusCode(200)
        .body("text", containsString("only a Chief of Staff"));
    SlackRequests.cos("U0ADMIN", "digest mute escalation:1")
        .then()
        .statusCode(200)
        .body("text", containsString("Muted"));
    SlackRequests.cos("U0ADMIN", "digest pin hiring plan")
        .then()
        .statusCode(200)
        .body("text", containsString("Pinned"));
    SlackRequests.cos("U0ADMIN", "digest pins")
        .then()
        .statusCode(200)
        .body("text", containsString("hiring plan"));
    assertThat(scalar("SELECT count(*) FROM digest_override WHERE consumed_at IS NULL"))
        .isEqualTo(2);

    SlackRequests.cos("U0MEMBER", "digest preview")
        .then()
        .statusCode(200)
        .body("text", containsString("only a Chief of Staff or the CXO"));
    SlackRequests.cos("U0ADMIN", "digest preview")
        .then()
        .statusCode(200)
        .body("text", containsString("preview"));
    JsonObject preview =
        awaitCalls("chat.postMessage", "Preview of the CXO digest · " + DAY.format(day), 1).get(0);
    assertThat(preview.get("channel").getAsString()).isEqualTo("U0ADMIN");
    String p = preview.toString();
    assertThat(p).doesNotContain("S1 noisy alarm").contains("1 line muted");
    assertThat(p.indexOf(":pushpin: Hiring plan on track"))
        .isBetween(0, p.indexOf("Budget review"));
    assertThat(p).contains("digest:preview:");
    assertThat(scalar("SELECT count(*) FROM digest_override WHERE consumed_at IS NULL"))
        .as("a preview consumes nothing")
        .isEqualTo(2);

    at(day, "07:30", PARIS);
    assertThat(delivery.sweep()).isEqualTo(1);
    String sent =
        awaitCalls("chat.postMessage", "Your digest · " + DAY.format(day), 1).get(0).toString();
    assertThat(sent).doesNotContain("S1 noisy alarm").contains(":pushpin: Hiring plan on track");
    assertThat(scalar("SELECT count(*) FROM digest_override WHERE consumed_at IS NULL")).isZero();

    LocalDate tuesday = day.plusDays(1);
    at(tuesday, "07:30", PARIS);
    assertThat(delivery.sweep()).isEqualTo(1);
    assertThat(
            awaitCalls("chat.postMessage", "Your digest · " + DAY.format(tuesday), 1)
                .get(0)
                .toString())
        .contains("S1 noisy alarm");
  }

  @Test
  void aChiefOfStaffOptsInToTheirOwnFullerDigest() throws Exception {
    LocalDate day = monday(8);
    execute(
        "INSERT INTO person (slack_user_id, time_zone, synced_at, is_admin) VALUES ('U0ADMIN', 'Europe/London', now(), true)"
            + " ON CONFLICT (slack_user_id) DO UPDATE SET time_zone = 'Europe/London', synced_at = now()");
    FixtureDigestSource.items =
        List.of(item("status:1", DigestSection.NEEDS_YOU, 80, "Apollo red"));
    SlackRequests.cos("U0MEMBER", "digest optin")
        .then()
        .statusCode(200)
        .body("text", containsString("only a Chief of Staff"));
    SlackRequests.cos("U0ADMIN", "digest optin")
        .then()
        .statusCode(200)
        .body("text", containsString("your own"));
    at(day, "07:30", PARIS); // 06:30 in London: only the CXO's is due
    assertThat(delivery.sweep()).isEqualTo(1);
    at(day, "07:30", ZoneId.of("Europe/London"));
    assertThat(delivery.sweep()).isEqualTo(1);
    assertThat(
            awaitCalls("chat.postMessage", "Your Chief of Staff digest · " + DAY.format(day), 1)
                .get(0)
                .get("channel")
                .getAsString())
        .isEqualTo("U0ADMIN");
    SlackRequests.cos("U0ADMIN", "digest optout")
        .then()
        .statusCode(200)
        .body("text", containsString("no more digests"));
    assertThat(scalar("SELECT count(*) FROM digest_subscriber")).isZero();
  }

  @jakarta.inject.Inject dev.cosbot.platform.support.SignedMetadata signer;

  @Test
  void askOwnerDmsTheOwnerNamingTheCxoAndOnlyTheReaderMayPressIt() throws Exception {
    String subject = "Apollo " + UUID.randomUUID().toString().substring(0, 6);
    String value = signer.sign("U0CXO|U0OWNER|" + subject);
    // A value changed on the way (here: someone else's owner) is not acted on.
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0CXO",
                DigestButton.ASK_OWNER,
                value.replace("U0OWNER", "U0VICTIM"),
                "digest:U0CXO:3"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "can't find that item", 1);
    SlackRequests.interaction(
            SlackRequests.blockAction(
                "U0INTRUDER", DigestButton.ASK_OWNER, value, "digest:U0CXO:3"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "only the person this digest is for", 1);
    SlackRequests.interaction(
            SlackRequests.blockAction("U0CXO", DigestButton.ASK_OWNER, value, "digest:U0CXO:3"))
        .then()
        .statusCode(200);
    JsonObject dm = awaitCalls("chat.postMessage", subject, 1).get(0);
    assertThat(dm.get("channel").getAsString()).isEqualTo("U0OWNER");
    assertThat(dm.get("text").getAsString())
        .contains("<@U0CXO> (CXO) asked me to ask you for more detail");
    awaitCalls("chat.postEphemeral", "I asked <@U0OWNER>", 1);
    // Pressed again the same day: one message only.
    SlackRequests.interaction(
            SlackRequests.blockAction("U0CXO", DigestButton.ASK_OWNER, value, "digest:U0CXO:3"))
        .then()
        .statusCode(200);
    awaitCalls("chat.postEphemeral", "I asked <@U0OWNER>", 2);
    assertThat(matching("chat.postMessage", subject)).hasSize(1);
    assertThat(matching("chat.postMessage", "U0VICTIM")).isEmpty();
  }
}
