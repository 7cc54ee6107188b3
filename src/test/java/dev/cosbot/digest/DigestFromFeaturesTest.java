package dev.cosbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.pulse.PulseQuestions;
import dev.cosbot.testsupport.BlockKitLimits;
import dev.cosbot.testsupport.OnlyDigestSources;
import dev.cosbot.testsupport.SlackTestBase;
import dev.cosbot.testsupport.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CXO digest built from the real feature sources (status, escalation, pulse, cadence) over data
 * seeded in their tables — no fixture source: a red initiative and an open S1 escalation need the
 * CXO, a pulse drop is worth watching, a cadence occurrence in the next 7 days is FYI; and 500 open
 * escalations still give valid Block Kit that says "and N more".
 *
 * <p>Other test classes leave data behind in the same database, so assertions look at this test's
 * own item keys, and everything seeded here is deleted afterwards.
 */
@QuarkusTest
class DigestFromFeaturesTest extends SlackTestBase {
  static final Set<String> FEATURES = Set.of("status", "escalation", "pulse", "cadence");
  static final ZoneId UTC = ZoneOffset.UTC;

  /** A Tuesday far from the other tests' dates (their rows use real time or 2027). */
  static final Instant NOW = Instant.parse("2031-06-10T07:00:00Z");

  @Inject TestClock clock;
  @Inject DigestService digests;

  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final List<String> cleanup = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    OnlyDigestSources.only(FEATURES::contains);
    execute(
        "INSERT INTO workspace_setting (setting_key, setting_value, updated_by, updated_at) VALUES ('cxo', 'U0CXO', 'test', now())"
            + " ON CONFLICT (setting_key) DO UPDATE SET setting_value = 'U0CXO'");
    // "since" is the CXO's last digest: other tests' deliveries (dated 2027) must not widen it.
    execute("DELETE FROM digest_delivery WHERE reader_id = 'U0CXO'");
    execute("DELETE FROM digest_override");
    clock.setTo(NOW);
  }

  @AfterEach
  void tearDown() throws Exception {
    clock.reset();
    OnlyDigestSources.only(null);
    for (String sql : cleanup) {
      execute(sql);
    }
  }

  static String ts(Instant i) {
    return "'" + Timestamp.from(i).toInstant().toString() + "'::timestamptz";
  }

  long insert(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** An active initiative whose latest update turned it from green to red an hour ago. */
  long redInitiative(Instant now) throws Exception {
    long id =
        insert(
            "INSERT INTO status_initiative (name, owner_id, team, state, every_weeks, cadence_day, cadence_time, anchor_date,"
                + " current_rag, created_by, created_at, updated_at) VALUES ('Apollo "
                + tag
                + "', 'U0OWNER', 'Platform', 'ACTIVE', 1, 1,"
                + " '10:00', '2031-01-06', 'RED', 'U0ADMIN', "
                + ts(now.minus(Duration.ofDays(30)))
                + ", "
                + ts(now)
                + ") RETURNING id");
    cleanup.add(0, "DELETE FROM status_initiative WHERE id = " + id);
    long update =
        insert(
            "INSERT INTO status_update (initiative_id, period_due, author_id, rag, summary, confidence, posted_at)"
                + " VALUES ("
                + id
                + ", "
                + ts(now.minus(Duration.ofHours(2)))
                + ", 'U0OWNER', 'RED', 'Vendor slipped "
                + tag
                + "', 'LOW', "
                + ts(now.minus(Duration.ofHours(1)))
                + ") RETURNING id");
    execute("UPDATE status_initiative SET last_update_id = " + update + " WHERE id = " + id);
    execute(
        "INSERT INTO status_rag_event (initiative_id, update_id, from_rag, to_rag, changed_at) VALUES ("
            + id
            + ", "
            + update
            + ", 'GREEN', 'RED', "
            + ts(now.minus(Duration.ofHours(1)))
            + ")");
    return id;
  }

  /** An open escalation created {@code age} ago, acknowledgement due 30 minutes after creation. */
  long openEscalation(String severity, String title, String area, Instant now, Duration age)
      throws Exception {
    Instant created = now.minus(age);
    long id =
        insert(
            "INSERT INTO escalation (title, severity, area, reporter, route_label, owner_user, status, thread_key, created_at,"
                + " ack_due_at, resolve_due_at) VALUES ('"
                + title
                + "', '"
                + severity
                + "', '"
                + area
                + "', 'U0REPORTER', 'test route',"
                + " 'U0OWNER', 'OPEN', 'escalation:test:"
                + tag
                + ":"
                + title.hashCode()
                + "', "
                + ts(created)
                + ", "
                + ts(created.plus(Duration.ofMinutes(30)))
                + ", "
                + ts(created.plus(Duration.ofHours(8)))
                + ") RETURNING id");
    cleanup.add(0, "DELETE FROM escalation WHERE id = " + id);
    return id;
  }

  /** A closed pulse round with these eNPS scores (one answer each). */
  long closedRound(long survey, int seq, Instant closesAt, int... scores) throws Exception {
    long round =
        insert(
            "INSERT INTO pulse_round (survey_id, seq, opened_at, closes_at, closed, recipients) VALUES ("
                + survey
                + ", "
                + seq
                + ", "
                + ts(closesAt.minus(Duration.ofDays(3)))
                + ", "
                + ts(closesAt)
                + ", TRUE, 8) RETURNING id");
    for (int score : scores) {
      execute(
          "INSERT INTO pulse_answer (id, round_id, answers) VALUES ('"
              + UUID.randomUUID()
              + "', "
              + round
              + ", '{\"0\":"
              + score
              + "}')");
    }
    return round;
  }

  /**
   * Two closed rounds meeting k = 5: eNPS +100, then +20 (an 80-point drop). Returns the second
   * round's id.
   */
  long pulseDrop(Instant now) throws Exception {
    String questions = PulseQuestions.toJson(PulseQuestions.template("enps")).replace("'", "''");
    long survey =
        insert(
            "INSERT INTO pulse_survey (title, questions, audience_kind, audience, audience_label, anonymous, min_answers,"
                + " open_hours, created_by, created_at) VALUES ('Engagement "
                + tag
                + "', '"
                + questions
                + "', 'PEOPLE', 'U1 U2 U3 U4 U5 U6 U7 U8',"
                + " 'Platform', TRUE, 5, 72, 'U0ADMIN', "
                + ts(now.minus(Duration.ofDays(20)))
                + ") RETURNING id");
    cleanup.add(0, "DELETE FROM pulse_survey WHERE id = " + survey);
    cleanup.add(0, "DELETE FROM pulse_round WHERE survey_id = " + survey);
    cleanup.add(
        0,
        "DELETE FROM pulse_answer WHERE round_id IN (SELECT id FROM pulse_round WHERE survey_id = "
            + survey
            + ")");
    closedRound(survey, 1, now.minus(Duration.ofDays(7)), 10, 10, 9, 9, 10);
    return closedRound(survey, 2, now.minus(Duration.ofHours(3)), 9, 9, 8, 7, 6);
  }

  /** A weekly cadence whose next occurrence is on Thursday, two days from now. */
  long weeklyCadence(Instant now) throws Exception {
    LocalDateTime thursday =
        LocalDateTime.ofInstant(now, UTC).plusDays(2).withHour(10).withMinute(0);
    long id =
        insert(
            "INSERT INTO cadence (name, owner_id, rrule, starts_local, time_zone, active_since, created_by, created_at)"
                + " VALUES ('Staff meeting "
                + tag
                + "', 'U0ADMIN', 'FREQ=WEEKLY', '"
                + thursday
                + "', 'UTC', "
                + ts(now.minus(Duration.ofDays(1)))
                + ", 'U0ADMIN', "
                + ts(now.minus(Duration.ofDays(1)))
                + ") RETURNING id");
    cleanup.add(0, "DELETE FROM cadence WHERE id = " + id);
    return id;
  }

  DigestService.Built build() {
    return QuarkusTransaction.requiringNew()
        .call(() -> digests.build("U0CXO", DigestContent.Kind.CXO, clock.instant(), UTC));
  }

  static List<String> keys(DigestContent c, DigestSection section) {
    return c.lines(section).stream().map(l -> l.item().key()).toList();
  }

  static DigestItem find(DigestContent c, String key) {
    return c.sections().values().stream()
        .flatMap(List::stream)
        .map(DigestLine::item)
        .filter(i -> i.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no digest line " + key + " in " + c.sections()));
  }

  static JsonObject payload(DigestService.Built built) {
    return SlackCalls.postMessage(
            "digest:test", "U0CXO", built.rendered().text(), built.rendered().blocks())
        .payload();
  }

  @Test
  void realFeaturesAppearUnderTheRightHeadingsInTheRightOrder() throws Exception {
    long initiative = redInitiative(NOW);
    long s1 = openEscalation("S1", "Payments down " + tag, "Payments", NOW, Duration.ofMinutes(10));
    long dropRound = pulseDrop(NOW);
    long cadence = weeklyCadence(NOW);

    DigestService.Built built = build();
    DigestContent c = built.content();
    assertThat(c.failedSources()).as("no feature source failed").isEmpty();

    DigestItem red = find(c, "status:red:" + initiative);
    DigestItem esc = find(c, "escalation:" + s1);
    DigestItem drop = find(c, "pulse-drop:" + dropRound);
    DigestItem occurrence =
        c.lines(DigestSection.FYI).stream()
            .map(DigestLine::item)
            .filter(i -> i.key().startsWith("cadence:" + cadence + ":"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no cadence line in FYI: " + keys(c, DigestSection.FYI)));

    assertThat(red.section()).isEqualTo(DigestSection.NEEDS_YOU);
    assertThat(red.text())
        .contains("Apollo " + tag)
        .contains("turned red")
        .contains("Vendor slipped " + tag);
    assertThat(esc.section()).isEqualTo(DigestSection.NEEDS_YOU);
    assertThat(esc.text()).startsWith("S1 · Payments · #" + s1).contains("Payments down " + tag);
    assertThat(drop.section()).isEqualTo(DigestSection.WATCH);
    assertThat(drop.text()).contains("Engagement " + tag).contains("eNPS ↓80");
    assertThat(occurrence.text()).contains("Staff meeting " + tag);
    // The pulse round's own result is FYI, never a line for the round below k (there is none here).
    assertThat(keys(c, DigestSection.FYI)).contains("pulse:" + dropRound);

    // The order the ranks produce: an open, unbreached S1 (90) ties with a red turn (90); the tie
    // is
    // broken by key, so the escalation comes first.
    assertThat(esc.rank()).isEqualTo(90);
    assertThat(red.rank()).isEqualTo(90);
    List<String> needsYou = keys(c, DigestSection.NEEDS_YOU);
    assertThat(needsYou.indexOf("escalation:" + s1))
        .isLessThan(needsYou.indexOf("status:red:" + initiative));

    // Rendered by the real renderer (this test's lines only, other classes' leftovers aside):
    // "Needs you" before "Watch" before "FYI", each line under its heading.
    Set<String> mine = Set.of(esc.key(), red.key(), drop.key(), occurrence.key());
    Map<DigestSection, List<DigestLine>> own =
        c.sections().entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        e.getValue().stream().filter(l -> mine.contains(l.item().key())).toList()));
    DigestContent ownContent =
        new DigestContent(
            c.readerUserId(), c.date(), c.kind(), own, List.of(), List.of(), List.of(), 0);
    JsonObject sent =
        SlackCalls.postMessage(
                "digest:test", "U0CXO", "digest", DigestBlocks.render(ownContent, 10, 8).blocks())
            .payload();
    String body = sent.toString();
    int needsYouHeading = body.indexOf("*Needs you*");
    int s1At = body.indexOf("Payments down " + tag);
    int redAt = body.indexOf("Apollo " + tag);
    int watchHeading = body.indexOf("*Watch*");
    int dropAt = body.indexOf("eNPS ↓80");
    int fyiHeading = body.indexOf("*FYI*");
    int cadenceAt = body.indexOf("Staff meeting " + tag);
    assertThat(List.of(needsYouHeading, s1At, redAt, watchHeading, dropAt, fyiHeading, cadenceAt))
        .doesNotContain(-1)
        .isSorted();
    assertThat(BlockKitLimits.violations("chat.postMessage", sent)).isEmpty();
    // The full digest (with whatever else is in the database) is valid Block Kit too.
    assertThat(BlockKitLimits.violations("chat.postMessage", payload(built))).isEmpty();
  }

  @Test
  void fiveHundredOpenEscalationsStayWithinSlackLimitsAndSayHowManyMore() throws Exception {
    String area = "Bulk " + tag;
    execute(
        "INSERT INTO escalation (title, severity, area, reporter, route_label, owner_user, status, thread_key, created_at,"
            + " ack_due_at, resolve_due_at)"
            + " SELECT 'Open item ' || g || ' "
            + "y".repeat(100)
            + "', 'S2', '"
            + area
            + "', 'U0REPORTER', 'test route', 'U0OWNER', 'OPEN',"
            + " 'escalation:bulk:"
            + tag
            + ":' || g, "
            + ts(NOW.minus(Duration.ofMinutes(5)))
            + ", "
            + ts(NOW.plus(Duration.ofHours(1)))
            + ", "
            + ts(NOW.plus(Duration.ofHours(24)))
            + " FROM generate_series(1, 500) g");
    cleanup.add(0, "DELETE FROM escalation WHERE area = '" + area + "'");
    assertThat(
            scalar(
                "SELECT count(*) FROM escalation WHERE area = '" + area + "' AND status = 'OPEN'"))
        .isEqualTo(500);

    DigestService.Built built = build();
    DigestContent c = built.content();
    long mine =
        c.lines(DigestSection.NEEDS_YOU).stream()
            .filter(l -> l.item().text().contains(" · Bulk " + tag + " · "))
            .count();
    assertThat(mine).isEqualTo(500);

    JsonObject sent = payload(built);
    assertThat(BlockKitLimits.violations("chat.postMessage", sent)).isEmpty();
    JsonArray blocks = sent.getAsJsonArray("blocks");
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    for (JsonElement b : blocks) {
      JsonObject block = b.getAsJsonObject();
      if ("section".equals(block.get("type").getAsString()) && block.has("text")) {
        assertThat(block.getAsJsonObject("text").get("text").getAsString().length())
            .isLessThanOrEqualTo(3000);
      }
    }
    String body = sent.toString();
    assertThat(body).contains("*" + c.count(DigestSection.NEEDS_YOU) + "* need you");
    Matcher more = Pattern.compile("…and (\\d+) more: (\\d+) escalation").matcher(body);
    assertThat(more.find()).as("an \"and N more\" line in %s", body).isTrue();
    int left = Integer.parseInt(more.group(1));
    assertThat(left).isGreaterThanOrEqualTo(500 - 10).isLessThan(c.count(DigestSection.NEEDS_YOU));
    assertThat(Integer.parseInt(more.group(2))).isGreaterThanOrEqualTo(490);
    assertThat(built.rendered().total()).isEqualTo(c.total());
    assertThat(built.rendered().shown()).isLessThan(c.total());
  }
}
