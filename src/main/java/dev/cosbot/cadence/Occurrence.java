package dev.cosbot.cadence;

import java.time.Instant;
import java.util.List;

/** One occurrence of a cadence and the state of its prep checklist. */
public record Occurrence(Cadence cadence, Instant at, List<TaskState> tasks) {
  /** A prep task for this occurrence: due when, done by whom. */
  public record TaskState(CadenceTask task, Instant dueAt, String doneBy) {
    public boolean done() {
      return doneBy != null;
    }

    public boolean lateAt(Instant now) {
      return !done() && !dueAt.isAfter(now);
    }
  }

  public long epoch() {
    return at.getEpochSecond();
  }

  public List<TaskState> notReady() {
    return tasks.stream().filter(t -> !t.done()).toList();
  }

  public long readyCount() {
    return tasks.stream().filter(TaskState::done).count();
  }
}
