package dev.cosbot.status;

import dev.cosbot.platform.people.Person;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises people who are away from their Slack status (out of office, vacation, sick leave),
 * honouring the status's expiry: an expired status no longer counts.
 */
public final class AwayDetector {
  static final Set<String> AWAY_EMOJI =
      Set.of(
          ":palm_tree:",
          ":desert_island:",
          ":beach_with_umbrella:",
          ":airplane:",
          ":airplane_departure:",
          ":face_with_thermometer:",
          ":thermometer:",
          ":sick:",
          ":mask:",
          ":nauseated_face:",
          ":hospital:",
          ":baby:",
          ":baby_bottle:",
          ":no_entry:",
          ":away:",
          ":ooo:",
          ":sunny:",
          ":luggage:");

  private static final Pattern AWAY_TEXT =
      Pattern.compile(
          "\\b(out of (the )?office|ooo|vacation|vacay|holidays?|on leave|annual leave|parental leave|"
              + "maternity|paternity|sick|pto|time off|day off|off work|away)\\b");

  private AwayDetector() {}

  /** True when the person's status says they are away and has not expired at {@code now}. */
  public static boolean isAway(Person person, Instant now) {
    if (person == null) {
      return false;
    }
    return isAway(person.statusEmoji, person.statusText, person.statusExpiresAt, now);
  }

  public static boolean isAway(String emoji, String text, Instant expiresAt, Instant now) {
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      return false;
    }
    if (emoji != null && AWAY_EMOJI.contains(emoji.trim().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return text != null && AWAY_TEXT.matcher(text.toLowerCase(Locale.ROOT)).find();
  }
}
