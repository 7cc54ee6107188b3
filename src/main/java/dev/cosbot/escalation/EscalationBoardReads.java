package dev.cosbot.escalation;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.EscalationBoard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The dashboard's read-only view of escalations, filtered by who may know of each. */
@ApplicationScoped
public class EscalationBoardReads implements EscalationBoard {
  @Inject EscalationReads reads;

  @Override
  @Transactional
  public List<EscalationRow> unresolved(Caller viewer) {
    return EscalationReads.visible(viewer, Escalation.unresolved()).stream()
        .map(EscalationBoardReads::row)
        .toList();
  }

  @Override
  @Transactional
  public List<EscalationRow> involving(Caller viewer) {
    String me = viewer.userId();
    return Escalation.<Escalation>list(
            "reporter = ?1 or ownerUser = ?1 order by createdAt desc", me)
        .stream()
        .map(EscalationBoardReads::row)
        .toList();
  }

  @Override
  @Transactional
  public List<EscalationRow> resolvedSince(Caller viewer, Instant since) {
    return EscalationReads.visible(viewer, Escalation.resolvedSince(since)).stream()
        .map(EscalationBoardReads::row)
        .toList();
  }

  @Override
  public List<AreaTimes> areaTimes() {
    return reads.stats().stream()
        .map(
            s ->
                new AreaTimes(
                    s.area(), s.total(), s.open(), s.medianAckSeconds(), s.medianResolveSeconds()))
        .toList();
  }

  static EscalationRow row(Escalation e) {
    return new EscalationRow(
        e.id,
        e.title,
        e.severity.name(),
        e.severity.label(),
        e.area,
        e.ownerUser,
        e.ownerGroup,
        e.reporter,
        e.acknowledgedAt != null,
        e.status == Escalation.Status.RESOLVED,
        e.confidential,
        e.createdAt,
        e.ackDueAt,
        e.resolveDueAt,
        e.acknowledgedAt,
        e.resolvedAt);
  }
}
