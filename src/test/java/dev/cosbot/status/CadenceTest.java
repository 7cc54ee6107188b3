package dev.cosbot.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Due times are 10:00 in the owner's zone, every N weeks, across daylight-saving changes. */
class CadenceTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static Cadence weekly(DayOfWeek day) {
    return new Cadence(1, day, LocalTime.of(10, 0), LocalDate.of(2026, 1, 5));
  }

  @Test
  void eachOwnerIsDueAtTheirOwnTen() {
    Cadence c = weekly(DayOfWeek.FRIDAY);
    Instant now = Instant.parse("2026-12-02T00:00:00Z");
    assertThat(c.nextAfter(now, TOKYO)).isEqualTo(Instant.parse("2026-12-04T01:00:00Z"));
    assertThat(c.nextAfter(now, LA)).isEqualTo(Instant.parse("2026-12-04T18:00:00Z"));
  }

  @Test
  void staysAtTenLocalWhenAmericaSpringsForwardAndFallsBack() {
    Cadence c = weekly(DayOfWeek.FRIDAY);
    // US DST starts 2027-03-14: 10:00 PST is 18:00Z, 10:00 PDT is 17:00Z.
    Instant before = c.nextAfter(Instant.parse("2027-03-10T00:00:00Z"), LA);
    Instant after = c.nextAfter(before, LA);
    assertThat(before).isEqualTo(Instant.parse("2027-03-12T18:00:00Z"));
    assertThat(after).isEqualTo(Instant.parse("2027-03-19T17:00:00Z"));
    assertThat(Duration.between(before, after)).isEqualTo(Duration.ofDays(7).minusHours(1));
    // Fall back on 2026-11-01.
    Instant octLast = c.nextAfter(Instant.parse("2026-10-28T00:00:00Z"), LA);
    assertThat(octLast).isEqualTo(Instant.parse("2026-10-30T17:00:00Z"));
    assertThat(c.nextAfter(octLast, LA)).isEqualTo(Instant.parse("2026-11-06T18:00:00Z"));
  }

  @Test
  void aSundayCadenceOnTheDayOfTheChangeIsStillTenLocal() {
    Cadence c = weekly(DayOfWeek.SUNDAY);
    // EU DST starts 2027-03-28 at 02:00 local; 10:00 CEST that day is 08:00Z.
    assertThat(c.nextAfter(Instant.parse("2027-03-27T00:00:00Z"), BERLIN))
        .isEqualTo(Instant.parse("2027-03-28T08:00:00Z"));
    assertThat(c.latestAtOrBefore(Instant.parse("2027-03-28T08:00:00Z"), BERLIN))
        .isEqualTo(Instant.parse("2027-03-28T08:00:00Z"));
    assertThat(c.latestAtOrBefore(Instant.parse("2027-03-28T07:59:59Z"), BERLIN))
        .isEqualTo(Instant.parse("2027-03-21T09:00:00Z"));
  }

  @Test
  void everyTwoWeeksKeepsItsRhythmFromTheAnchor() {
    Cadence c = new Cadence(2, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalDate.of(2026, 11, 30));
    Instant first = c.nextAfter(Instant.parse("2026-11-29T00:00:00Z"), ZoneId.of("UTC"));
    assertThat(first).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    assertThat(c.nextAfter(first, ZoneId.of("UTC")))
        .isEqualTo(Instant.parse("2026-12-14T09:00:00Z"));
    assertThat(c.latestAtOrBefore(Instant.parse("2026-12-13T00:00:00Z"), ZoneId.of("UTC")))
        .isEqualTo(first);
  }

  @Test
  void anEarlyUpdateCountsForTheComingPeriod() {
    Cadence c = weekly(DayOfWeek.FRIDAY);
    Duration early = Duration.ofHours(18);
    // Thursday 18:00 Tokyo, the evening before Friday 10:00.
    Instant evening = Instant.parse("2026-12-03T09:00:00Z");
    assertThat(c.periodFor(evening, TOKYO, early)).isEqualTo(Instant.parse("2026-12-04T01:00:00Z"));
    // Wednesday is late for the previous Friday, not early for the next.
    assertThat(c.periodFor(Instant.parse("2026-12-02T01:00:00Z"), TOKYO, early))
        .isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));
  }

  @Test
  void readsLikeASentence() {
    assertThat(StatusBlocks.rhythm(weekly(DayOfWeek.FRIDAY))).isEqualTo("every Friday at 10:00 AM");
    assertThat(
            StatusBlocks.rhythm(
                new Cadence(2, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalDate.of(2026, 1, 5))))
        .isEqualTo("every 2 weeks on Monday at 9:00 AM");
  }
}
