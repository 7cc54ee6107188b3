package dev.cosbot.ingress;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Event ids already handled, kept two days (Slack retries within minutes). */
@ApplicationScoped
public class EventReceipts {
  @Inject EntityManager em;

  /** True if this call is the first to see the event id, across all replicas. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claim(String eventId) {
    return insert(eventId);
  }

  private boolean insert(String eventId) {
    int inserted =
        em.createNativeQuery(
                "INSERT INTO slack_event_receipt (event_id, received_at) VALUES (?1, now())"
                    + " ON CONFLICT (event_id) DO NOTHING")
            .setParameter(1, eventId)
            .executeUpdate();
    return inserted == 1;
  }

  /**
   * Same, inside the caller's transaction: the receipt commits with the work it guards, or not at
   * all (a concurrent claim of the same id by another replica waits for that one to finish).
   */
  @Transactional(TxType.MANDATORY)
  public boolean claimWithTheWork(String eventId) {
    return insert(eventId);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void release(String eventId) {
    em.createNativeQuery("DELETE FROM slack_event_receipt WHERE event_id = ?1")
        .setParameter(1, eventId)
        .executeUpdate();
  }

  @Scheduled(cron = "0 17 * * * ?", identity = "event-receipts-purge")
  @Transactional
  void purge() {
    em.createNativeQuery(
            "DELETE FROM slack_event_receipt WHERE received_at < now() - interval '2 days'")
        .executeUpdate();
  }
}
