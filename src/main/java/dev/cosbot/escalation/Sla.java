package dev.cosbot.escalation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * An SLA target: a plain duration or a number of business days. Pure; unit-tested.
 *
 * <p>Business days skip Saturday and Sunday in the business time zone. A start on a weekend counts
 * from the following Monday 00:00, so "1 business day" from Saturday ends Tuesday 00:00.
 */
public record Sla(Duration duration, int businessDays) {

  public static Sla parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("bd")) {
      int days = Integer.parseInt(t.substring(0, t.length() - 2).trim());
      if (days < 0) {
        throw new IllegalArgumentException("negative business days: " + text);
      }
      return new Sla(null, days);
    }
    Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("SLA target must be positive: " + text);
    }
    return new Sla(d, 0);
  }

  private static final java.util.regex.Pattern WORDS =
      java.util.regex.Pattern.compile(
          "(\\d{1,4})\\s*(business\\s+days?|bd|minutes?|mins?|m|hours?|hrs?|h|days?|d)");

  /**
   * The stored form ("PT30M", "PT4H", "P2D", "1bd") of a target written in words: "30 minutes", "4
   * hours", "2 days", "1 business day". Throws IllegalArgumentException for anything else.
   */
  public static String fromWords(String text) {
    java.util.regex.Matcher m =
        WORDS.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a time: " + text);
    }
    int n = Integer.parseInt(m.group(1));
    String unit = m.group(2);
    String stored =
        unit.startsWith("b")
            ? n + "bd"
            : unit.startsWith("m")
                ? "PT" + n + "M"
                : unit.startsWith("h") ? "PT" + n + "H" : "P" + n + "D";
    parse(stored);
    if (n == 0 || n > 1000) {
      throw new IllegalArgumentException("out of range: " + text);
    }
    return stored;
  }

  /** When a window of this size that starts at {@code start} ends. */
  public Instant after(Instant start, ZoneId zone) {
    if (duration != null) {
      return start.plus(duration);
    }
    ZonedDateTime t = start.atZone(zone);
    if (weekend(t)) {
      while (weekend(t)) {
        t = t.plusDays(1);
      }
      t = t.toLocalDate().atStartOfDay(zone);
    }
    for (int i = 0; i < businessDays; i++) {
      t = t.plusDays(1);
      while (weekend(t)) {
        t = t.plusDays(1);
      }
    }
    return t.toInstant();
  }

  /** In words, e.g. "15 minutes", "4 hours", "2 days", "1 business day". */
  public String describe() {
    if (duration == null) {
      return plural(businessDays, "business day");
    }
    long minutes = duration.toMinutes();
    if (minutes == 0) {
      return plural(duration.toSeconds(), "second");
    }
    if (minutes % (24 * 60) == 0) {
      return plural(minutes / (24 * 60), "day");
    }
    if (minutes % 60 == 0) {
      return plural(minutes / 60, "hour");
    }
    if (minutes > 60) {
      return plural(minutes / 60, "hour") + " " + plural(minutes % 60, "minute");
    }
    return plural(minutes, "minute");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  private static boolean weekend(ZonedDateTime t) {
    return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
