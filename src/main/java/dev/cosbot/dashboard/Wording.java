package dev.cosbot.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard words times, RAG and clocks for one viewer (their own time zone, named). */
public final class Wording {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final ZoneId zone;
  private final Instant now;

  public Wording(ZoneId zone, Instant now) {
    this.zone = zone;
    this.now = now;
  }

  public ZoneId zone() {
    return zone;
  }

  public Instant now() {
    return now;
  }

  /** "Mon 7 Dec 2026, 14:05" in the viewer's zone; "—" for nothing. */
  public String when(Instant at) {
    return at == null ? "—" : WHEN.format(at.atZone(zone));
  }

  public String day(Instant at) {
    return at == null ? "—" : DAY.format(at.atZone(zone));
  }

  public String day(java.time.LocalDate d) {
    return d == null ? "—" : DAY.format(d);
  }

  /** "in 3 h 5 min", "overdue by 20 min". */
  public String clock(Instant due) {
    if (due == null) {
      return "—";
    }
    Duration d = Duration.between(now, due);
    return d.isNegative() ? "overdue by " + span(d.negated()) : "in " + span(d);
  }

  /** "2 d 3 h", "3 h 5 min", "12 min". */
  public static String span(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return days + " d" + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (mins > 0 ? " " + mins + " min" : "");
    }
    return mins + " min";
  }

  /** Seconds as a span, "—" when unknown. */
  public static String seconds(Double s) {
    return s == null ? "—" : span(Duration.ofSeconds(Math.round(s)));
  }

  /** "On track", "At risk", "Off track", "No update yet". */
  public static String rag(String rag) {
    if (rag == null) {
      return "No update yet";
    }
    return switch (rag) {
      case "GREEN" -> "On track";
      case "AMBER" -> "At risk";
      case "RED" -> "Off track";
      default -> "No update yet";
    };
  }

  /** The CSS class of a RAG value. */
  public static String ragClass(String rag) {
    return rag == null ? "rag rag-none" : "rag rag-" + rag.toLowerCase(Locale.ROOT);
  }
}
