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
   * cos-bot's own pulse secret: key of the ballots and of the seal on open answers. Never stored in
   * the database and never derived from a Slack secret; generated into the data directory with the
   * embedded database, required with an external one.
   */
  Optional<String> ballotSecret();

  /**
   * Interim results of an open round are released at most this often (an ISO-8601 duration, e.g.
   * P1D), and only when at least k new answers arrived since the previous release; {@code off}:
   * results only at close.
   */
  @WithDefault("off")
  String releaseEvery();

  /** {@link #releaseEvery()} as a duration; empty when interim releases are off. */
  default Optional<Duration> releaseInterval() {
    String every = releaseEvery().trim();
    if (every.isEmpty() || every.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    Duration d = Duration.parse(every);
    return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
  }

  /**
   * An eNPS drop (points) or a mean drop ×20 beyond this between two rounds is a digest WATCH item.
   */
  @WithDefault("10")
  int digestDropThreshold();

  /** cos-bot's public base URL; the survey modal links to {@code <url>/privacy}. */
  Optional<String> publicUrl();

  /** Where the survey modal's privacy link points instead (e.g. your intranet's copy). */
  Optional<String> privacyUrl();

  /** The privacy notes' address, if one is known. */
  default Optional<String> privacyLink() {
    return privacyUrl()
        .filter(u -> !u.isBlank())
        .or(
            () ->
                publicUrl()
                    .filter(u -> !u.isBlank())
                    .map(u -> u.replaceAll("/+$", "") + PulsePrivacyResource.PATH));
  }

  /** The smallest k the bot accepts: anonymity needs at least three answers. */
  int FLOOR = 3;

  /** The configured k, never below {@link #FLOOR}. */
  default int k() {
    return Math.max(FLOOR, minAnswers());
  }
}
