package dev.cosbot.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The only way features send to Slack: the call is written in the caller's transaction (so it is
 * sent if and only if the domain change commits) and delivered later by {@link OutboxDispatcher}.
 */
@ApplicationScoped
public class Outbox {
  @Inject EntityManager em;
  @Inject Event<OutboxEnqueued> enqueued;

  /**
   * Queues a call. Returns false when a call with the same key was queued before (it is not sent
   * again), which makes retried handlers and re-fired jobs harmless.
   */
  @Transactional(TxType.MANDATORY)
  public boolean enqueue(SlackCall call) {
    int inserted =
        em.createNativeQuery(
                "INSERT INTO outbox_message (idempotency_key, method, channel, payload, refers_to,"
                    + " status, attempts, next_attempt_at, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, now(), now())"
                    + " ON CONFLICT (idempotency_key) DO NOTHING")
            .setParameter(1, call.key())
            .setParameter(2, call.method())
            .setParameter(3, call.channel())
            .setParameter(4, call.payload().toString())
            .setParameter(5, call.refersTo())
            .executeUpdate();
    if (inserted == 1) {
      enqueued.fire(new OutboxEnqueued(call.key()));
    }
    return inserted == 1;
  }

  /** Same as {@link #enqueue(SlackCall)} in a transaction of its own (for callers without one). */
  @Transactional(TxType.REQUIRED)
  public boolean send(SlackCall call) {
    return enqueue(call);
  }
}
