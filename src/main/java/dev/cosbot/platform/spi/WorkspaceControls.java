package dev.cosbot.platform.spi;

import dev.cosbot.platform.people.Caller;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Settings a Chief of Staff changes from the dashboard, each implemented by the feature that owns
 * it. Changes check the caller's role and throw {@code UserFacingException} with a polite reason.
 */
public interface WorkspaceControls {
  /** An escalation routing rule, in the order they are tried. */
  record RouteRow(
      long id, int priority, String area, String keywords, String ownerId, String ownerGroup) {}

  /** The SLA targets of one severity (S1, S2, S3). */
  record SlaTarget(String severity, String severityLabel, String ack, String resolve) {}

  /** When the CXO's digest goes out (workspace default). */
  record DigestTime(LocalTime sendAt, Set<DayOfWeek> days) {}

  default List<RouteRow> routes() {
    return List.of();
  }

  default List<SlaTarget> slaTargets() {
    return List.of();
  }

  default java.util.Optional<DigestTime> digestTime() {
    return java.util.Optional.empty();
  }

  /** Admins and CXO: implemented by the admin feature. */
  default List<String> chiefsOfStaff() {
    return List.of();
  }

  default java.util.Optional<String> cxo() {
    return java.util.Optional.empty();
  }

  /** Whether this implementation handles the named change (e.g. {@code admin.add}). */
  default boolean handles(String change) {
    return false;
  }

  /**
   * Makes the change {@code change} (e.g. {@code admin.add} with field {@code user}) and returns a
   * one-line plain-text description of it for the audit trail.
   */
  default String apply(Caller by, String change, java.util.Map<String, String> fields) {
    throw new UnsupportedOperationException(change);
  }
}
