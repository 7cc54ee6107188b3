package dev.cosbot.cadence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lead times such as "14d, 3d, 1d, 1h" (also "2w", "30m"), stored as minutes before an occurrence.
 */
public final class LeadTimes {
  private static final Pattern ONE = Pattern.compile("(\\d{1,4})\\s*(w|d|h|m)");

  /** Longer leads would need a reminder before the previous weekly occurrence even happened. */
  public static final int MAX_MINUTES = 60 * 24 * 90;

  private LeadTimes() {}

  /** Parses a list; throws IllegalArgumentException with a message for the user. */
  public static List<Integer> parse(String text) {
    List<Integer> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.toLowerCase(Locale.ROOT).split("[,;]")) {
      String p = part.trim().replace("before", "").trim();
      if (p.isEmpty()) {
        continue;
      }
      out.add(parseOne(p));
    }
    return out.stream().distinct().sorted((a, b) -> b - a).toList();
  }

  public static int parseOne(String text) {
    Matcher m = ONE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text.trim() + "\" is not a lead time like 14d, 3d, 1h or 30m");
    }
    int n = Integer.parseInt(m.group(1));
    int minutes =
        switch (m.group(2)) {
          case "w" -> n * 7 * 24 * 60;
          case "d" -> n * 24 * 60;
          case "h" -> n * 60;
          default -> n;
        };
    if (minutes > MAX_MINUTES) {
      throw new IllegalArgumentException("\"" + text.trim() + "\" is too long: at most 90 days");
    }
    return minutes;
  }

  public static String format(int minutes) {
    if (minutes == 0) {
      return "0m";
    }
    if (minutes % (24 * 60) == 0) {
      return minutes / (24 * 60) + "d";
    }
    if (minutes % 60 == 0) {
      return minutes / 60 + "h";
    }
    return minutes + "m";
  }

  /** "1 day", "3 hours", "30 minutes". */
  public static String human(int minutes) {
    if (minutes % (24 * 60) == 0) {
      return plural(minutes / (24 * 60), "day");
    }
    if (minutes % 60 == 0) {
      return plural(minutes / 60, "hour");
    }
    return plural(minutes, "minute");
  }

  private static String plural(int n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  public static String store(List<Integer> minutes) {
    return minutes.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  public static List<Integer> load(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return Arrays.stream(stored.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Integer::valueOf)
        .toList();
  }

  public static String describe(List<Integer> minutes) {
    return minutes.isEmpty()
        ? "none"
        : minutes.stream().map(LeadTimes::format).collect(Collectors.joining(", "));
  }
}
