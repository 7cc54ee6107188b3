package dev.cosbot.platform.spi;

import dev.cosbot.platform.people.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The recurring meetings (cadences), for features that add to them — questions for the all-hands,
 * agendas — without importing the cadence feature. Private-channel cadences stay invisible to those
 * who may not see them.
 */
public interface Meetings {
  /**
   * The next occurrence after {@code after} of the cadence named {@code name}, if {@code viewer}
   * may see it.
   */
  Optional<Meeting> next(Caller viewer, String name, Instant after);

  /**
   * The next occurrence after {@code after} of cadence {@code cadenceId} (none when paused or
   * gone).
   */
  Optional<Meeting> next(long cadenceId, Instant after);

  /** Occurrences of running cadences with {@code from <= at < to}, soonest first. */
  List<Meeting> between(Instant from, Instant to);

  /** The names of the cadences {@code viewer} may see (for "did you mean"). */
  List<String> names(Caller viewer);
}
