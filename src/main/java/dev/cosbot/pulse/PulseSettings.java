package dev.cosbot.pulse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Pulse survey settings (README: Configuration, Pulse surveys). */
@ConfigMapping(prefix = "cosbot.pulse")
public interface PulseSettings {
  /** Results are shown only when at least this many people answered (k); never below 3. */
  @WithDefault("5")
  int minAnswers();

  /** How long a round stays open unless the survey says otherwise. */
  @WithDefault("P3D")
  Duration defaultOpen();

  /** Non-respondents get a reminder this long before a round closes. */
  @WithDefault("PT24H")
  Duration remindBefore();

  /**
   * Key of the keyed hash that lets a person replace their own anonymous answer while a round is
   * open. Kept outside the database on purpose; falls back to the Slack signing secret.
   */
  Optional<String> ballotSecret();

  /**
   * An eNPS drop (points) or a mean drop ×20 beyond this between two rounds is a digest WATCH item.
   */
  @WithDefault("10")
  int digestDropThreshold();

  /** The smallest k the bot accepts: anonymity needs at least three answers. */
  int FLOOR = 3;

  /** The configured k, never below {@link #FLOOR}. */
  default int k() {
    return Math.max(FLOOR, minAnswers());
  }
}
