package dev.cosbot.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cosbot.cadence.CadenceSchedule.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every schedule kind across a daylight-saving change in two zones, against dates checked by hand.
 * Europe/Berlin: CET (+1) → CEST (+2) on 29 Mar 2026, back on 25 Oct 2026. America/New_York: EST
 * (−5) → EDT (−4) on 8 Mar 2026, back on 1 Nov 2026.
 */
class RecurrenceTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static List<Instant> next(Kind kind, String date, String time, ZoneId zone, int n) {
    LocalDate d = LocalDate.parse(date);
    CadenceSchedule s =
        new CadenceSchedule(
            CadenceSchedule.rruleFor(kind, d), LocalDateTime.of(d, LocalTime.parse(time)), zone);
    return s.next(d.atStartOfDay(zone).toInstant(), n);
  }

  static List<Instant> utc(String... instants) {
    return Arrays.stream(instants).map(Instant::parse).toList();
  }

  @Test
  void everyWeekdayAt0900StaysAt0900LocalAcrossSpringForward() {
    // Fri 27 Mar (CET) → Mon 30 Mar (CEST): 08:00Z then 07:00Z.
    assertThat(next(Kind.WEEKDAYS, "2026-03-27", "09:00", BERLIN, 3))
        .isEqualTo(utc("2026-03-27T08:00:00Z", "2026-03-30T07:00:00Z", "2026-03-31T07:00:00Z"));
    // Fri 6 Mar (EST) → Mon 9 Mar (EDT).
    assertThat(next(Kind.WEEKDAYS, "2026-03-06", "09:00", NEW_YORK, 2))
        .isEqualTo(utc("2026-03-06T14:00:00Z", "2026-03-09T13:00:00Z"));
  }

  @Test
  void everyTuesdayAcrossFallBack() {
    assertThat(next(Kind.WEEKLY, "2026-10-20", "10:00", BERLIN, 2))
        .isEqualTo(utc("2026-10-20T08:00:00Z", "2026-10-27T09:00:00Z"));
    assertThat(next(Kind.WEEKLY, "2026-10-27", "10:00", NEW_YORK, 2))
        .isEqualTo(utc("2026-10-27T14:00:00Z", "2026-11-03T15:00:00Z"));
  }

  @Test
  void everySecondWeek() {
    assertThat(next(Kind.BIWEEKLY, "2026-03-16", "09:00", BERLIN, 3))
        .isEqualTo(utc("2026-03-16T08:00:00Z", "2026-03-30T07:00:00Z", "2026-04-13T07:00:00Z"));
    assertThat(next(Kind.BIWEEKLY, "2026-02-26", "09:00", NEW_YORK, 2))
        .isEqualTo(utc("2026-02-26T14:00:00Z", "2026-03-12T13:00:00Z"));
  }

  @Test
  void firstMondayOfTheMonth() {
    assertThat(next(Kind.MONTHLY_FIRST_WEEKDAY, "2026-03-02", "09:00", BERLIN, 2))
        .isEqualTo(utc("2026-03-02T08:00:00Z", "2026-04-06T07:00:00Z"));
    assertThat(next(Kind.MONTHLY_FIRST_WEEKDAY, "2026-10-05", "09:00", BERLIN, 2))
        .isEqualTo(utc("2026-10-05T07:00:00Z", "2026-11-02T08:00:00Z"));
    assertThat(next(Kind.MONTHLY_FIRST_WEEKDAY, "2026-10-05", "09:00", NEW_YORK, 2))
        .isEqualTo(utc("2026-10-05T13:00:00Z", "2026-11-02T14:00:00Z"));
  }

  @Test
  void lastBusinessDayOfTheMonth() {
    // 27 Feb is a Friday; 31 Mar a Tuesday; 31 Oct 2026 a Saturday so Fri 30 Oct; 30 Nov a Monday.
    assertThat(next(Kind.MONTHLY_LAST_BUSINESS_DAY, "2026-02-01", "17:00", BERLIN, 2))
        .isEqualTo(utc("2026-02-27T16:00:00Z", "2026-03-31T15:00:00Z"));
    assertThat(next(Kind.MONTHLY_LAST_BUSINESS_DAY, "2026-10-01", "17:00", NEW_YORK, 2))
        .isEqualTo(utc("2026-10-30T21:00:00Z", "2026-11-30T22:00:00Z"));
  }

  @Test
  void firstMondayOfEachQuarter() {
    assertThat(next(Kind.QUARTERLY_FIRST_WEEKDAY, "2026-01-05", "09:00", BERLIN, 5))
        .isEqualTo(
            utc(
                "2026-01-05T08:00:00Z",
                "2026-04-06T07:00:00Z",
                "2026-07-06T07:00:00Z",
                "2026-10-05T07:00:00Z",
                "2027-01-04T08:00:00Z"));
    assertThat(next(Kind.QUARTERLY_FIRST_WEEKDAY, "2026-01-05", "09:00", NEW_YORK, 2))
        .isEqualTo(utc("2026-01-05T14:00:00Z", "2026-04-06T13:00:00Z"));
  }

  @Test
  void onceAYearOnADate() {
    // 27 Mar: before the change in 2026 and 2027, after it in 2028 (DST from 26 Mar 2028).
    assertThat(next(Kind.YEARLY, "2026-03-27", "09:00", BERLIN, 3))
        .isEqualTo(utc("2026-03-27T08:00:00Z", "2027-03-27T08:00:00Z", "2028-03-27T07:00:00Z"));
    // 1 Nov: the fall-back day itself in 2026 (EST by 09:00), still EDT in 2027 (change on 7 Nov).
    assertThat(next(Kind.YEARLY, "2026-11-01", "09:00", NEW_YORK, 2))
        .isEqualTo(utc("2026-11-01T14:00:00Z", "2027-11-01T13:00:00Z"));
  }

  @Test
  void aTimeInTheSpringForwardGapMovesForwardByTheGap() {
    CadenceSchedule daily =
        new CadenceSchedule("FREQ=DAILY", LocalDateTime.parse("2026-03-28T02:30"), BERLIN);
    assertThat(daily.next(Instant.parse("2026-03-27T00:00:00Z"), 3))
        .isEqualTo(utc("2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z"));
  }

  @Test
  void skippedDatesAreLeftOut() {
    CadenceSchedule weekly =
        new CadenceSchedule(
            "FREQ=WEEKLY;BYDAY=TU", LocalDateTime.parse("2026-12-15T10:00"), BERLIN);
    assertThat(
            weekly.next(
                Instant.parse("2026-12-14T00:00:00Z"),
                2,
                d -> d.equals(LocalDate.parse("2026-12-22"))))
        .isEqualTo(utc("2026-12-15T09:00:00Z", "2026-12-29T09:00:00Z"));
  }

  @Test
  void nothingBeforeTheStart() {
    CadenceSchedule weekly =
        new CadenceSchedule(
            "RRULE:FREQ=WEEKLY;BYDAY=TU", LocalDateTime.parse("2026-12-15T10:00"), BERLIN);
    assertThat(
            weekly.between(
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-16T00:00:00Z"),
                d -> false))
        .isEqualTo(utc("2026-12-15T09:00:00Z"));
  }

  @Test
  void invalidRulesAreRefused() {
    assertThatThrownBy(
            () ->
                new CadenceSchedule("FREQ=HOURLY", LocalDateTime.parse("2026-12-15T10:00"), BERLIN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new CadenceSchedule("BYDAY=MO", LocalDateTime.parse("2026-12-15T10:00"), BERLIN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDailyRuleThatRepeatsWithinADayIsRefusedByItsOccurrences() {
    String everyMinute =
        "FREQ=DAILY;BYHOUR="
            + String.join(
                ",", java.util.stream.IntStream.range(0, 24).mapToObj(String::valueOf).toList())
            + ";BYMINUTE="
            + String.join(
                ",", java.util.stream.IntStream.range(0, 60).mapToObj(String::valueOf).toList());
    assertThatThrownBy(() -> CadenceSchedule.normalise(everyMinute))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most once a day");
    assertThatThrownBy(() -> CadenceSchedule.normalise("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,17"))
        .hasMessageContaining("at most once a day");
    assertThat(CadenceSchedule.normalise("FREQ=DAILY;BYHOUR=9;BYMINUTE=30"))
        .isEqualTo("FREQ=DAILY;BYHOUR=9;BYMINUTE=30");
    assertThat(CadenceSchedule.normalise("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"))
        .startsWith("FREQ=MONTHLY");
  }

  @Test
  void leadTimes() {
    assertThat(LeadTimes.parse("1h, 14d, 3d,1d")).containsExactly(20160, 4320, 1440, 60);
    assertThat(LeadTimes.parse("2w, 30m")).containsExactly(20160, 30);
    assertThat(LeadTimes.describe(List.of(20160, 1440, 60))).isEqualTo("14d, 1d, 1h");
    assertThatThrownBy(() -> LeadTimes.parse("soon")).hasMessageContaining("not a lead time");
  }
}
