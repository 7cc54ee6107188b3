package dev.cosbot.platform.outbox;

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
                    + " expires_at, status, attempts, next_attempt_at, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', 0, now(), now())"
                    + " ON CONFLICT (idempotency_key) DO NOTHING")
            .setParameter(1, call.key())
            .setParameter(2, call.method())
            .setParameter(3, call.channel())
            .setParameter(4, call.payload().toString())
            .setParameter(5, call.refersTo())
            .unwrap(org.hibernate.query.NativeQuery.class)
            .setParameter(6, call.expiresAt(), java.time.Instant.class)
            .executeUpdate();
    if (inserted == 1) {
      enqueued.fire(new OutboxEnqueued(call.key()));
    }
    return inserted == 1;
  }

  /**
   * Queues many calls with one statement (a fan-out to thousands of people): same semantics as
   * {@link #enqueue(SlackCall)} for each call. Returns how many were new (the rest were queued
   * before).
   */
  @Transactional(TxType.MANDATORY)
  public int enqueueAll(java.util.List<SlackCall> calls) {
    if (calls.isEmpty()) {
      return 0;
    }
    int total = 0;
    for (int from = 0; from < calls.size(); from += 10_000) {
      java.util.List<SlackCall> chunk = calls.subList(from, Math.min(calls.size(), from + 10_000));
      String[] keys = new String[chunk.size()];
      String[] methods = new String[chunk.size()];
      String[] channels = new String[chunk.size()];
      String[] payloads = new String[chunk.size()];
      String[] refersTo = new String[chunk.size()];
      java.sql.Timestamp[] expires = new java.sql.Timestamp[chunk.size()];
      for (int i = 0; i < chunk.size(); i++) {
        SlackCall call = chunk.get(i);
        keys[i] = call.key();
        methods[i] = call.method();
        channels[i] = call.channel();
        payloads[i] = call.payload().toString();
        refersTo[i] = call.refersTo();
        expires[i] = call.expiresAt() == null ? null : java.sql.Timestamp.from(call.expiresAt());
      }
      total +=
          em.unwrap(org.hibernate.Session.class)
              .doReturningWork(
                  connection -> {
                    try (java.sql.PreparedStatement insert =
                        connection.prepareStatement(
                            "INSERT INTO outbox_message (idempotency_key, method, channel, payload, refers_to,"
                                + " expires_at, status, attempts, next_attempt_at, created_at)"
                                + " SELECT k, m, c, p, r, x, 'PENDING', 0, now(), now()"
                                + " FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[],"
                                + " ?::timestamptz[])"
                                + " WITH ORDINALITY AS t(k, m, c, p, r, x, n) ORDER BY n"
                                + " ON CONFLICT (idempotency_key) DO NOTHING")) {
                      insert.setArray(1, connection.createArrayOf("varchar", keys));
                      insert.setArray(2, connection.createArrayOf("varchar", methods));
                      insert.setArray(3, connection.createArrayOf("varchar", channels));
                      insert.setArray(4, connection.createArrayOf("text", payloads));
                      insert.setArray(5, connection.createArrayOf("varchar", refersTo));
                      insert.setArray(6, connection.createArrayOf("timestamptz", expires));
                      return insert.executeUpdate();
                    }
                  });
    }
    if (total > 0) {
      enqueued.fire(new OutboxEnqueued(calls.get(0).key()));
    }
    return total;
  }

  /** Same as {@link #enqueue(SlackCall)} in a transaction of its own (for callers without one). */
  @Transactional(TxType.REQUIRED)
  public boolean send(SlackCall call) {
    return enqueue(call);
  }
}
