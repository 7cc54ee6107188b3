package dev.cosbot.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One outbound Slack Web API call, written in the same transaction as the change that caused it.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** Unique per message: enqueuing the same key twice sends once. */
  @Column(name = "idempotency_key")
  public String idempotencyKey;

  /** Web API method, e.g. chat.postMessage. */
  public String method;

  /** Channel or user the call targets (for per-channel pacing); null for views.publish. */
  public String channel;

  /** JSON body of the call (channel/ts of a referenced message are filled in when sent). */
  public String payload;

  /** Idempotency key of an earlier message this call changes (chat.update of that message). */
  @Column(name = "refers_to")
  public String refersTo;

  @Enumerated(EnumType.STRING)
  public OutboxStatus status;

  public int attempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "claimed_by")
  public String claimedBy;

  @Column(name = "claimed_until")
  public Instant claimedUntil;

  @Column(name = "last_error")
  public String lastError;

  /** Channel id Slack answered with (a DM's D… id when posted to a user). */
  @Column(name = "result_channel")
  public String resultChannel;

  /** Message timestamp Slack answered with: what chat.update needs later. */
  @Column(name = "result_ts")
  public String resultTs;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "sent_at")
  public Instant sentAt;

  public static Optional<OutboxMessage> byKey(String key) {
    return find("idempotencyKey", key).firstResultOptional();
  }

  public static List<OutboxMessage> deadLetters(int limit) {
    return find("status = ?1 order by id desc", OutboxStatus.DEAD).page(0, limit).list();
  }
}
