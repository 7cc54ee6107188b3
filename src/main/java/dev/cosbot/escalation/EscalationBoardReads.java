package dev.cosbot.escalation;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.EscalationBoard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The dashboard's read-only view of escalations, filtered by who may know of each. */
@ApplicationScoped
public class EscalationBoardReads implements EscalationBoard {
  @Inject EscalationReads reads;
  @Inject EntityManager em;

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

  @Override
  @Transactional
  @SuppressWarnings("unchecked")
  public List<AreaWeek> areaWeeks(Instant from) {
    List<Object[]> rows =
        em.createNativeQuery(
                """
        SELECT area, CAST(date_trunc('week', created_at AT TIME ZONE 'UTC') AS date), count(*),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - created_at)),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
        FROM escalation WHERE NOT confidential AND created_at >= ?1
        GROUP BY 1, 2 ORDER BY 1, 2""")
            .setParameter(1, Timestamp.from(from))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new AreaWeek(
                    (String) r[0],
                    day(r[1]),
                    ((Number) r[2]).longValue(),
                    r[3] == null ? null : ((Number) r[3]).doubleValue(),
                    r[4] == null ? null : ((Number) r[4]).doubleValue()))
        .toList();
  }

  private static LocalDate day(Object o) {
    return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
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
