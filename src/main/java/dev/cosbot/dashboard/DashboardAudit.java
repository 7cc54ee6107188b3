package dev.cosbot.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The record of every setting changed from the browser: who, what, when. */
@ApplicationScoped
public class DashboardAudit {
  /** One change. */
  public record Entry(Instant at, String userId, String description) {}

  @Inject EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(Instant at, String userId, String change, String description) {
    em.createNativeQuery(
            "INSERT INTO dashboard_audit (at, user_id, change, description) VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, Timestamp.from(at))
        .setParameter(2, userId)
        .setParameter(3, change)
        .setParameter(4, description.length() > 500 ? description.substring(0, 500) : description)
        .executeUpdate();
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public List<Entry> latest(int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT at, user_id, description FROM dashboard_audit ORDER BY at DESC, id DESC LIMIT ?1")
            .setParameter(1, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Entry(
                    r[0] instanceof Instant i
                        ? i
                        : r[0] instanceof java.time.OffsetDateTime o
                            ? o.toInstant()
                            : ((Timestamp) r[0]).toInstant(),
                    (String) r[1],
                    (String) r[2]))
        .toList();
  }
}
