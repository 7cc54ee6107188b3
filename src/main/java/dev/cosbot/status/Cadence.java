package dev.cosbot.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * When an initiative's update is due: every {@code everyWeeks} weeks on {@code day} at {@code time}
 * in the owner's own time zone. Weeks are counted from the Monday of {@code anchor}, so "every 2
 * weeks" keeps its rhythm. Occurrences are computed in local time, so they stay at 10:00 local
 * across daylight-saving changes.
 */
public record Cadence(int everyWeeks, DayOfWeek day, LocalTime time, LocalDate anchor) {
  public Cadence {
    if (everyWeeks < 1 || everyWeeks > 4) {
      throw new IllegalArgumentException("everyWeeks must be 1 to 4");
    }
  }

  /** The latest occurrence at or before {@code now}, in the owner's zone. */
  public Instant latestAtOrBefore(Instant now, ZoneId zone) {
    LocalDate date = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(day));
    if (at(date, zone).isAfter(now)) {
      date = date.minusWeeks(1);
    }
    while (!inRhythm(date)) {
      date = date.minusWeeks(1);
    }
    return at(date, zone);
  }

  /** The first occurrence strictly after {@code now}. */
  public Instant nextAfter(Instant now, ZoneId zone) {
    LocalDate date = now.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(day));
    if (!at(date, zone).isAfter(now)) {
      date = date.plusWeeks(1);
    }
    while (!inRhythm(date)) {
      date = date.plusWeeks(1);
    }
    return at(date, zone);
  }

  /**
   * The period an update posted at {@code postedAt} counts for: the occurrence it answers, where an
   * update up to {@code early} before an occurrence already counts for it (posting the evening
   * before means no prompt that morning).
   */
  public Instant periodFor(Instant postedAt, ZoneId zone, java.time.Duration early) {
    return latestAtOrBefore(postedAt.plus(early), zone);
  }

  private boolean inRhythm(LocalDate date) {
    LocalDate anchorMonday = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    long weeks =
        ChronoUnit.WEEKS.between(
            anchorMonday, date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    return Math.floorMod(weeks, everyWeeks) == 0;
  }

  private Instant at(LocalDate date, ZoneId zone) {
    // In a spring-forward gap ZonedDateTime moves the time forward by the gap's length.
    return ZonedDateTime.of(date, time, zone).toInstant();
  }
}
