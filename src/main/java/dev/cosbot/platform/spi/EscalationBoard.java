package dev.cosbot.platform.spi;

import dev.cosbot.platform.people.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The escalation feature's records as the dashboard reads them. Every method takes the viewer and
 * leaves out what they may not know of: a confidential escalation exists only for its reporter, its
 * owners and the Chiefs of Staff.
 */
public interface EscalationBoard {
  /** One escalation; {@code severity} is S1, S2 or S3, {@code severityLabel} the word for it. */
  record EscalationRow(
      long id,
      String title,
      String severity,
      String severityLabel,
      String area,
      String ownerId,
      String ownerGroup,
      String reporterId,
      boolean acknowledged,
      boolean resolved,
      boolean confidential,
      Instant createdAt,
      Instant ackDueAt,
      Instant resolveDueAt,
      Instant acknowledgedAt,
      Instant resolvedAt) {}

  /** Time to acknowledge and resolve in one area (non-confidential escalations only). */
  record AreaTimes(
      String area, long total, long open, Double medianAckSeconds, Double medianResolveSeconds) {}

  /**
   * One area's escalations raised in the week starting {@code weekStart} (a Monday, UTC), not
   * confidential: how many, and the median time to acknowledge and to resolve of those that were.
   */
  record AreaWeek(
      String area,
      LocalDate weekStart,
      long raised,
      Double medianAckSeconds,
      Double medianResolveSeconds) {}

  /** Unresolved escalations the viewer may see, most severe and oldest first. */
  List<EscalationRow> unresolved(Caller viewer);

  /** Escalations the viewer raised or owns, newest first. */
  List<EscalationRow> involving(Caller viewer);

  /** Escalations resolved since {@code since} that the viewer may see. */
  List<EscalationRow> resolvedSince(Caller viewer, Instant since);

  List<AreaTimes> areaTimes();

  /** Per area and week raised since {@code from}, by area then week (one query). */
  List<AreaWeek> areaWeeks(Instant from);
}
