package dev.cosbot.cadence;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** Settings of the cadence feature ({@code cosbot.cadence.*}). */
@ConfigMapping(prefix = "cosbot.cadence")
public interface CadenceSettings {
  /** How often the sweep looks for due reminders ("off" disables the timer). */
  String sweepInterval();

  /** A reminder found later than this after its due time carries a "posted late" note. */
  Duration lateAfter();

  /** A reminder more than this late is skipped and logged instead of posted. */
  Duration maxLateness();

  /** How many days ahead the calendar feed lists occurrences. */
  int feedDays();

  /** Length of a calendar event in the feed, in minutes. */
  int eventMinutes();

  /** Public base URL of cos-bot, to show the feed URL. */
  Optional<String> publicUrl();

  /** Time zone offered by default in the new-cadence modal. */
  String defaultZone();
}
