package dev.cosbot.platform.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The dispatcher's SQL. Claims use {@code FOR UPDATE SKIP LOCKED} so replicas never take the same
 * row, and a claim is a lease: if its holder dies, another instance takes the row over after it.
 * Each statement commits on its own (no transaction is held while Slack is called).
 */
@ApplicationScoped
public class OutboxStore {
  @Inject AgroalDataSource dataSource;

  Optional<ClaimedMessage> claimNext(String instance, Duration lease) throws SQLException {
    String sql =
        "WITH due AS ("
            + " SELECT id, status AS previous FROM outbox_message"
            + " WHERE (status = 'PENDING' AND next_attempt_at <= now())"
            + "    OR (status = 'SENDING' AND claimed_until < now())"
            + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)"
            + " UPDATE outbox_message m SET status = 'SENDING', claimed_by = ?,"
            + "   claimed_until = now() + (? * interval '1 millisecond'), attempts = m.attempts + 1"
            + " FROM due WHERE m.id = due.id"
            + " RETURNING m.id, m.idempotency_key, m.method, m.channel, m.payload, m.refers_to,"
            + "   m.attempts, due.previous, m.uncertain, m.created_at, m.expires_at";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, instance);
      ps.setLong(2, lease.toMillis());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ClaimedMessage(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                "SENDING".equals(rs.getString(8)),
                rs.getBoolean(9),
                rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()));
      }
    }
  }

  /**
   * The channel and ts of a message by key, if it was delivered; status otherwise. A delivered
   * message whose outbox row was purged is found through its kept reference.
   */
  Optional<Delivered> delivered(String key) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT status, result_channel, result_ts FROM outbox_message WHERE idempotency_key = ?"
                    + " UNION ALL SELECT 'SENT', channel, ts FROM slack_message_ref"
                    + " WHERE idempotency_key = ? LIMIT 1")) {
      ps.setString(1, key);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Delivered(OutboxStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)));
      }
    }
  }

  record Delivered(OutboxStatus status, String channel, String ts) {}

  void markSent(long id, String key, String instance, String resultChannel, String resultTs)
      throws SQLException {
    if (resultChannel != null && resultTs != null) {
      // Kept after the row is purged: a later update or thread reply still finds its message.
      update(
          "INSERT INTO slack_message_ref (idempotency_key, channel, ts) VALUES (?, ?, ?)"
              + " ON CONFLICT (idempotency_key) DO NOTHING",
          key,
          resultChannel,
          resultTs);
    }
    update(
        "UPDATE outbox_message SET status = 'SENT', sent_at = now(), result_channel = ?, result_ts = ?,"
            + " claimed_until = NULL, last_error = NULL, uncertain = FALSE"
            + " WHERE id = ? AND claimed_by = ? AND status = 'SENDING'",
        resultChannel,
        resultTs,
        id,
        instance);
  }

  /** Back to PENDING for a later attempt; {@code countAttempt=false} for rate limits and waits. */
  void retryLater(long id, String instance, Duration delay, String error, boolean countAttempt)
      throws SQLException {
    retryLater(id, instance, delay, error, countAttempt, false);
  }

  /** As above; {@code maybeDelivered} marks the row so the next attempt asks Slack first. */
  void retryLater(
      long id,
      String instance,
      Duration delay,
      String error,
      boolean countAttempt,
      boolean maybeDelivered)
      throws SQLException {
    update(
        "UPDATE outbox_message SET status = 'PENDING', claimed_until = NULL,"
            + " next_attempt_at = now() + (? * interval '1 millisecond'), last_error = COALESCE(?, last_error),"
            + " attempts = attempts - ?, uncertain = (uncertain OR ?)"
            + " WHERE id = ? AND claimed_by = ? AND status = 'SENDING'",
        delay.toMillis(),
        error,
        countAttempt ? 0 : 1,
        maybeDelivered,
        id,
        instance);
  }

  void markDead(long id, String instance, String error) throws SQLException {
    update(
        "UPDATE outbox_message SET status = 'DEAD', claimed_until = NULL, last_error = ?"
            + " WHERE id = ? AND claimed_by = ? AND status = 'SENDING'",
        error,
        id,
        instance);
  }

  /** Dropped unsent because it stopped being useful; {@code reason} is kept for the operator. */
  void markExpired(long id, String instance, String reason) throws SQLException {
    update(
        "UPDATE outbox_message SET status = 'EXPIRED', claimed_until = NULL, last_error = ?"
            + " WHERE id = ? AND claimed_by = ? AND status = 'SENDING'",
        reason,
        id,
        instance);
  }

  /** Age in seconds of the oldest message still waiting to be delivered (0 when none). */
  public long oldestPendingAgeSeconds() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)"
                    + " FROM outbox_message WHERE status IN ('PENDING', 'SENDING')")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Instances of the Quartz cluster that checked in recently: each sends its share of Slack's
   * limits, so all replicas together stay within them.
   */
  long liveReplicas(Duration checkin) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM qrtz_scheduler_state"
                    + " WHERE last_checkin_time >= (extract(epoch from now()) * 1000)::bigint - ?")) {
      ps.setLong(1, checkin.toMillis());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      return 1;
    }
  }

  public long count(OutboxStatus status) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM outbox_message WHERE status = ?")) {
      ps.setString(1, status.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Dead letters that are still useful back to PENDING (after the cause was fixed); expired ones
   * are marked EXPIRED instead of being sent late.
   */
  public Requeued requeueDead(java.time.Instant now) throws SQLException {
    int expired =
        update(
            "UPDATE outbox_message SET status = 'EXPIRED',"
                + " last_error = 'expired while dead-lettered: ' || COALESCE(last_error, '')"
                + " WHERE status = 'DEAD' AND expires_at IS NOT NULL AND expires_at <= ?",
            java.sql.Timestamp.from(now));
    int requeued =
        update(
            "UPDATE outbox_message SET status = 'PENDING', attempts = 0, next_attempt_at = now()"
                + " WHERE status = 'DEAD'");
    return new Requeued(requeued, expired);
  }

  /** One dead letter back to PENDING if it is still useful. */
  public Requeued requeueDead(long id, java.time.Instant now) throws SQLException {
    int expired =
        update(
            "UPDATE outbox_message SET status = 'EXPIRED',"
                + " last_error = 'expired while dead-lettered: ' || COALESCE(last_error, '')"
                + " WHERE id = ? AND status = 'DEAD' AND expires_at IS NOT NULL AND expires_at <= ?",
            id,
            java.sql.Timestamp.from(now));
    int requeued =
        update(
            "UPDATE outbox_message SET status = 'PENDING', attempts = 0, next_attempt_at = now()"
                + " WHERE id = ? AND status = 'DEAD'",
            id);
    return new Requeued(requeued, expired);
  }

  /** The idempotency key of a message by id. */
  public Optional<String> keyOf(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT idempotency_key FROM outbox_message WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** What a dead-letter retry did: how many go out again, how many were too late to send. */
  public record Requeued(int requeued, int expired) {}

  int purgeSentBefore(Duration age) throws SQLException {
    return update(
        "DELETE FROM outbox_message WHERE (status = 'SENT' AND sent_at < now() - (? * interval '1 millisecond'))"
            + " OR (status = 'EXPIRED' AND created_at < now() - (? * interval '1 millisecond'))",
        age.toMillis(),
        age.toMillis());
  }

  int purgeReferencesBefore(Duration age) throws SQLException {
    return update(
        "DELETE FROM slack_message_ref WHERE created_at < now() - (? * interval '1 millisecond')",
        age.toMillis());
  }

  private int update(String sql, Object... params) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }
}
