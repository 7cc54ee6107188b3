package dev.cosbot.platform.spi;

import dev.cosbot.platform.people.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The cadence feature's calendar as the dashboard reads it (only cadences the viewer may see). */
public interface RhythmBoard {
  /** One prep task of an occurrence. */
  record PrepTask(String title, String driId, Instant dueAt, boolean done) {}

  /** One occurrence of a cadence with its prep readiness. */
  record OccurrenceRow(
      String cadence, Instant at, String zone, String ownerId, List<PrepTask> prep) {
    public long prepDone() {
      return prep.stream().filter(PrepTask::done).count();
    }
  }

  List<OccurrenceRow> between(Caller viewer, Instant from, Instant to);

  /** The calendar subscription URL, when the Chief of Staff may hand it out. */
  Optional<String> feedUrl(Caller viewer);
}
