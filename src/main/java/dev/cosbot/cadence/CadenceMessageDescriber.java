package dev.cosbot.cadence;

import dev.cosbot.platform.outbox.MessageDescriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names cadence messages for the operator: "The reminder 10 minutes before a cadence event on …".
 * The text is plain (the notice escapes it), so the time is written out with its zone named.
 */
@ApplicationScoped
public class CadenceMessageDescriber implements MessageDescriber {
  /** {@code cadence:<id>:<epoch second>:<kind>:<destination>}, see CadenceService.postKey. */
  private static final Pattern POST = Pattern.compile("^cadence:\\d+:(\\d+):([A-Z]+)(\\d*):.*$");

  @Override
  public Optional<String> describe(String key) {
    if (key.startsWith("cadence:created:")) {
      return Optional.of("The confirmation of a new cadence");
    }
    if (key.startsWith("cadence:refuse:")) {
      return Optional.of("An answer to a cadence button");
    }
    Matcher m = POST.matcher(key);
    if (!m.matches()) {
      return Optional.empty();
    }
    String event =
        "a cadence event on "
            + CadenceBlocks.when(
                Instant.ofEpochSecond(Long.parseLong(m.group(1))), ZoneId.of("UTC"));
    return Optional.of(
        switch (m.group(2)) {
          case "R" -> "The reminder " + minutes(m.group(3)) + " before " + event;
          case "OCC" -> "The post of " + event;
          case "TASK" -> "A late-task warning for " + event;
          default -> "A message about " + event;
        });
  }

  private static String minutes(String digits) {
    long minutes = digits.isEmpty() ? 0 : Long.parseLong(digits);
    if (minutes > 0 && minutes % 1440 == 0) {
      return plural(minutes / 1440, "day");
    }
    if (minutes > 0 && minutes % 60 == 0) {
      return plural(minutes / 60, "hour");
    }
    return plural(minutes, "minute");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
