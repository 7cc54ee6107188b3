package dev.cosbot.digest;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.WorkspaceControls;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The digest's schedule as the dashboard's settings page shows and changes it. */
@ApplicationScoped
public class DigestControls implements WorkspaceControls {
  static final String SET = "digest.set";

  @Inject DigestSchedule schedule;

  @Override
  public Optional<DigestTime> digestTime() {
    DigestSchedule.Times t = schedule.now();
    return Optional.of(new DigestTime(t.sendAt(), t.days()));
  }

  @Override
  public boolean handles(String change) {
    return SET.equals(change);
  }

  /** Fields: {@code sendAt} (HH:MM) and {@code days} (day names, comma-separated). */
  @Override
  public String apply(Caller by, String change, Map<String, String> fields) {
    by.requireAdmin();
    LocalTime at;
    try {
      at = LocalTime.parse(String.valueOf(fields.get("sendAt")).trim());
    } catch (DateTimeParseException e) {
      throw new UserFacingException("Write the digest time as hours and minutes, like 07:30.");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    String list = fields.get("days") == null ? "" : fields.get("days");
    for (String d : list.split(",")) {
      if (d.isBlank()) {
        continue;
      }
      try {
        days.add(DayOfWeek.valueOf(d.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new UserFacingException("Pick the days from the list.");
      }
    }
    if (days.isEmpty()) {
      throw new UserFacingException("Pick at least one day for the digest.");
    }
    schedule.set(at.withSecond(0).withNano(0), days, by.userId());
    return "Set the digest to "
        + at.withSecond(0).withNano(0)
        + " in the CXO's own time zone, on "
        + days.stream()
            .sorted()
            .map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
            .collect(Collectors.joining(", "));
  }
}
