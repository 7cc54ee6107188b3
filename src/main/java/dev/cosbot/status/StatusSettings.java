package dev.cosbot.status;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of status updates (COSBOT_STATUS_*). */
@ConfigMapping(prefix = "cosbot.status")
public interface StatusSettings {
  /** How often the check-in sweep runs (Quarkus "every" syntax, e.g. 60s; "off" disables it). */
  @WithDefault("60s")
  String sweepEvery();

  /** The owner gets one nudge when no update arrived this long after the prompt. */
  @WithDefault("PT24H")
  Duration nudgeAfter();

  /** After the nudge, the period is marked missing when still no update arrived this long later. */
  @WithDefault("PT24H")
  Duration missingAfter();

  /** An update posted up to this long before a due time counts for that period (no prompt then). */
  @WithDefault("PT18H")
  Duration earlyWindow();

  /** This many missed periods in a row flag the initiative as stale to the Chiefs of Staff. */
  @WithDefault("3")
  int staleAfterMissed();

  /** The weekday the weekly report goes to each report channel, in the report zone. */
  @WithDefault("FRIDAY")
  String reportDay();

  /** The local time (HH:mm, report zone) the weekly report goes out on {@link #reportDay()}. */
  @WithDefault("16:00")
  String reportTime();

  /** How many risks and asks a report lists before "and N more". */
  @WithDefault("5")
  int reportTopN();
}
