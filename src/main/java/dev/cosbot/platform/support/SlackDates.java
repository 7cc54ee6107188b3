package dev.cosbot.platform.support;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Times for people: a Slack date token that each reader sees in their own zone, with a fallback
 * (for notifications and old clients) that names the zone it is written in, plus readable zone
 * names ("New York") and the short list of zones a time-zone menu offers.
 */
public final class SlackDates {
  private static final DateTimeFormatter FALLBACK =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

  /** The zones a time-zone menu offers (at most 100 options); a person's own zone is added. */
  public static final List<String> COMMON_ZONES =
      List.of(
          "Pacific/Honolulu",
          "America/Anchorage",
          "America/Los_Angeles",
          "America/Denver",
          "America/Phoenix",
          "America/Chicago",
          "America/Mexico_City",
          "America/New_York",
          "America/Toronto",
          "America/Bogota",
          "America/Halifax",
          "America/Sao_Paulo",
          "America/Argentina/Buenos_Aires",
          "Atlantic/Reykjavik",
          "UTC",
          "Europe/London",
          "Europe/Dublin",
          "Europe/Lisbon",
          "Africa/Lagos",
          "Europe/Paris",
          "Europe/Berlin",
          "Europe/Amsterdam",
          "Europe/Madrid",
          "Europe/Rome",
          "Europe/Stockholm",
          "Europe/Warsaw",
          "Africa/Johannesburg",
          "Europe/Athens",
          "Europe/Helsinki",
          "Europe/Kyiv",
          "Africa/Cairo",
          "Asia/Jerusalem",
          "Europe/Istanbul",
          "Europe/Moscow",
          "Africa/Nairobi",
          "Asia/Dubai",
          "Asia/Karachi",
          "Asia/Kolkata",
          "Asia/Dhaka",
          "Asia/Bangkok",
          "Asia/Jakarta",
          "Asia/Singapore",
          "Asia/Shanghai",
          "Asia/Hong_Kong",
          "Asia/Taipei",
          "Australia/Perth",
          "Asia/Seoul",
          "Asia/Tokyo",
          "Australia/Brisbane",
          "Australia/Adelaide",
          "Australia/Sydney",
          "Pacific/Auckland");

  private SlackDates() {}

  /**
   * {@code <!date^…^{date_short_pretty} at {time}|Fri 4 Dec 2026, 9:00 AM (New York)>}: the reader
   * sees the moment in their own zone; the fallback is written in {@code zone} and says so.
   */
  public static String token(Instant at, ZoneId zone) {
    return "<!date^"
        + at.getEpochSecond()
        + "^{date_short_pretty} at {time}|"
        + fallback(at, zone)
        + ">";
  }

  /**
   * The same moment written out in {@code zone}, naming it: "Fri 4 Dec 2026, 9:00 AM (New York)".
   */
  public static String fallback(Instant at, ZoneId zone) {
    return FALLBACK.format(at.atZone(zone)) + " (" + zoneName(zone) + ")";
  }

  /** A day as a date token ("Friday, December 4th" in the reader's zone) with a fallback. */
  public static String dayToken(Instant at, ZoneId zone) {
    return "<!date^"
        + at.getEpochSecond()
        + "^{date_long_pretty}|"
        + DAY.format(at.atZone(zone))
        + " ("
        + zoneName(zone)
        + ")>";
  }

  /** "9:00 AM". */
  public static String clock(LocalTime time) {
    return CLOCK.format(time);
  }

  /** "New York", "Buenos Aires", "UTC": the city part of an IANA zone, for people. */
  public static String zoneName(ZoneId zone) {
    String id = zone.getId();
    if (zone instanceof ZoneOffset || !id.contains("/")) {
      return id.equals("Z") ? "UTC" : id;
    }
    return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
  }

  /** A menu label: "(UTC-05:00) New York". */
  public static String zoneLabel(ZoneId zone, Instant now) {
    ZoneOffset offset = zone.getRules().getOffset(now);
    String o = offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    return "(UTC" + o + ") " + zoneName(zone);
  }

  /** The menu's zones, west to east, with {@code extra} (a person's own zone) included once. */
  public static List<ZoneId> menuZones(String extra, Instant now) {
    List<ZoneId> zones = new ArrayList<>();
    for (String id : COMMON_ZONES) {
      zones.add(ZoneId.of(id));
    }
    if (extra != null && !extra.isBlank()) {
      try {
        ZoneId own = ZoneId.of(extra);
        if (zones.stream().noneMatch(z -> z.getId().equals(own.getId()))) {
          zones.add(own);
        }
      } catch (java.time.DateTimeException e) {
        // an unknown zone is simply not offered
      }
    }
    zones.sort(
        Comparator.comparingInt((ZoneId z) -> z.getRules().getOffset(now).getTotalSeconds())
            .thenComparing(z -> zoneName(z)));
    return zones;
  }

  /** "Friday". */
  public static String dayName(java.time.DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
