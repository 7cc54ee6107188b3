package dev.cosbot.cadence;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** A validated new cadence, as entered in the modal, before it is stored. */
public record CadenceDraft(
    String name,
    String ownerId,
    String rrule,
    LocalDateTime start,
    ZoneId zone,
    String channelId,
    List<String> people,
    String message,
    List<Integer> leads,
    List<Task> tasks) {

  /**
   * A prep task: what, who (Slack user id) and how many minutes before the occurrence it is due.
   */
  public record Task(String title, String driId, int dueMinutes) {}

  public CadenceSchedule schedule() {
    return new CadenceSchedule(rrule, start, zone);
  }
}
