package dev.cosbot.cadence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import net.fortuna.ical4j.model.Month;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * When a cadence happens: an RFC 5545 RRULE expanded by ical4j over local date-times, then placed
 * in the cadence's time zone. Expanding in local time is what keeps "09:00 Europe/Berlin" at 09:00
 * across daylight-saving changes; a local time that does not exist (spring-forward gap) moves
 * forward by the gap, as java.time does.
 */
public record CadenceSchedule(String rrule, LocalDateTime start, ZoneId zone) {
  /** The schedule kinds offered in the modal; each maps to an RRULE built from the start date. */
  public enum Kind {
    WEEKDAYS,
    WEEKLY,
    BIWEEKLY,
    MONTHLY_FIRST_WEEKDAY,
    MONTHLY_LAST_BUSINESS_DAY,
    QUARTERLY_FIRST_WEEKDAY,
    YEARLY,
    CUSTOM
  }

  private static final int MAX_EXPANSION = 5000;

  public CadenceSchedule {
    rrule = normalise(rrule);
    new Recur<LocalDateTime>(rrule); // validates
  }

  /**
   * The RRULE for a kind, taking weekday, month and day from {@code startDate}: built with ical4j's
   * builder, so the rule text is ical4j's own (stored and served in the calendar feed; people read
   * the schedule in words).
   */
  public static String rruleFor(Kind kind, LocalDate startDate) {
    WeekDay day = WeekDay.getWeekDay(startDate.getDayOfWeek());
    WeekDay[] workdays = {WeekDay.MO, WeekDay.TU, WeekDay.WE, WeekDay.TH, WeekDay.FR};
    Recur.Builder<LocalDateTime> rule = new Recur.Builder<>();
    switch (kind) {
      case WEEKDAYS -> rule.frequency(Frequency.WEEKLY).dayList(workdays);
      case WEEKLY -> rule.frequency(Frequency.WEEKLY).dayList(day);
      case BIWEEKLY -> rule.frequency(Frequency.WEEKLY).interval(2).dayList(day);
      case MONTHLY_FIRST_WEEKDAY -> rule.frequency(Frequency.MONTHLY).dayList(new WeekDay(day, 1));
      case MONTHLY_LAST_BUSINESS_DAY ->
          rule.frequency(Frequency.MONTHLY).dayList(workdays).setPosList(-1);
      case QUARTERLY_FIRST_WEEKDAY ->
          rule.frequency(Frequency.YEARLY)
              .monthList(Month.valueOf(1), Month.valueOf(4), Month.valueOf(7), Month.valueOf(10))
              .dayList(new WeekDay(day, 1));
      case YEARLY ->
          rule.frequency(Frequency.YEARLY)
              .monthList(Month.valueOf(startDate.getMonthValue()))
              .monthDayList(startDate.getDayOfMonth());
      case CUSTOM -> throw new IllegalArgumentException("a custom schedule needs its own RRULE");
    }
    return rule.build().toString();
  }

  /** A readable rule that would happen more than once on some day: cadences are at most daily. */
  public static final class TooOften extends IllegalArgumentException {
    TooOften() {
      super("a cadence happens at most once a day, but this rule repeats within a day");
    }
  }

  /** Strips an optional "RRULE:" prefix and spaces; upper-cases. */
  public static String normalise(String rrule) {
    if (rrule == null || rrule.isBlank()) {
      throw new IllegalArgumentException("empty RRULE");
    }
    String r = rrule.trim().replace(" ", "").toUpperCase(Locale.ROOT);
    if (r.startsWith("RRULE:")) {
      r = r.substring(6);
    }
    if (!r.contains("FREQ=")) {
      throw new IllegalArgumentException("the rule does not say how often it repeats");
    }
    if (r.contains("FREQ=SECONDLY") || r.contains("FREQ=MINUTELY") || r.contains("FREQ=HOURLY")) {
      throw new TooOften();
    }
    atMostOncePerDay(r);
    return r;
  }

  /**
   * Judged by the occurrences the rule produces, not by its FREQ: {@code FREQ=DAILY} with {@code
   * BYHOUR}/{@code BYMINUTE} lists would otherwise post every minute. Two years are expanded from a
   * fixed seed; any local day with two occurrences is refused.
   */
  private static void atMostOncePerDay(String rrule) {
    List<LocalDateTime> dates;
    try {
      LocalDateTime seed = LocalDateTime.of(2026, 1, 1, 9, 0);
      dates = new Recur<LocalDateTime>(rrule).getDates(seed, seed, seed.plusYears(2), 800);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          e.getMessage() == null ? "unreadable RRULE" : e.getMessage());
    }
    Set<LocalDate> days = new java.util.HashSet<>();
    for (LocalDateTime d : dates) {
      if (!days.add(d.toLocalDate())) {
        throw new TooOften();
      }
    }
  }

  /** Occurrences with {@code from <= t < to}, in time order, without skipped local dates. */
  public List<Instant> between(Instant from, Instant to, Predicate<LocalDate> skipped) {
    List<Instant> out = new ArrayList<>();
    if (!to.isAfter(from)) {
      return out;
    }
    // Widen the local window by a day either side: the zone offset moves local vs. UTC.
    LocalDateTime windowStart = LocalDateTime.ofInstant(from, zone).minusDays(1);
    LocalDateTime windowEnd = LocalDateTime.ofInstant(to, zone).plusDays(1);
    if (windowEnd.isBefore(start)) {
      return out;
    }
    if (windowStart.isBefore(start)) {
      windowStart = start;
    }
    Recur<LocalDateTime> recur = new Recur<>(rrule);
    for (LocalDateTime local : recur.getDates(start, windowStart, windowEnd, MAX_EXPANSION)) {
      if (skipped.test(local.toLocalDate())) {
        continue;
      }
      Instant at = ZonedDateTime.of(local, zone).toInstant();
      if (!at.isBefore(from) && at.isBefore(to)) {
        out.add(at);
      }
    }
    out.sort(null);
    return out;
  }

  /** The next {@code n} occurrences at or after {@code from}. */
  public List<Instant> next(Instant from, int n, Predicate<LocalDate> skipped) {
    List<Instant> out = new ArrayList<>();
    Instant windowFrom = from;
    // Yearly schedules need a wide window; grow it until we have enough (bounded).
    for (int years = 1; years <= 64 && out.size() < n; years *= 2) {
      Instant windowTo = from.plus(java.time.Duration.ofDays(366L * years));
      out.addAll(between(windowFrom, windowTo, skipped));
      windowFrom = windowTo;
    }
    return out.size() > n ? new ArrayList<>(out.subList(0, n)) : out;
  }

  public List<Instant> next(Instant from, int n) {
    return next(from, n, d -> false);
  }

  public static String ical(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
        .substring(0, 2)
        .toUpperCase(Locale.ROOT);
  }

  /** The local time of day of the occurrences. */
  public LocalTime time() {
    return start.toLocalTime();
  }

  static final Set<String> BUSINESS_DAYS = Set.of("MO", "TU", "WE", "TH", "FR");
}
