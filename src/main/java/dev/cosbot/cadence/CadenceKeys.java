package dev.cosbot.cadence;

import java.time.Instant;
import java.util.Optional;

/**
 * Every idempotency key and button value of the cadence feature, built in one place: the same
 * cadence, occurrence, reminder and destination always give the same key, so a re-run never posts
 * twice.
 */
public final class CadenceKeys {
  private CadenceKeys() {}

  /** The creator's confirmation of a new cadence. */
  static String created(long cadenceId) {
    return "cadence:created:" + cadenceId;
  }

  /** A reminder ({@code R<minutes>}), the occurrence post ({@code OCC}) or a late-task warning. */
  static String post(long cadenceId, Instant occurrence, String kind, String destination) {
    return "cadence:"
        + cadenceId
        + ":"
        + occurrence.getEpochSecond()
        + ":"
        + kind
        + ":"
        + destination;
  }

  /** The {@code version}th redraw of the post {@code original} (a checklist tick). */
  static String redraw(String original, int version) {
    return original + ":v" + version;
  }

  /** Which prep task of which occurrence a checklist button means. */
  public record TaskRef(long cadenceId, long occurrenceEpoch, long taskId) {}

  /** The (unsigned) value of a checklist button. */
  static String taskValue(long cadenceId, long occurrenceEpoch, long taskId) {
    return cadenceId + "|" + occurrenceEpoch + "|" + taskId;
  }

  /** Reads {@link #taskValue}; empty when it is not one. */
  static Optional<TaskRef> taskRef(String value) {
    String[] parts = value == null ? new String[0] : value.split("\\|");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new TaskRef(
              Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
