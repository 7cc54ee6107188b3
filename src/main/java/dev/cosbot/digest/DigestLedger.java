package dev.cosbot.digest;

import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The delivery ledger: one row per (reader, local date). Claiming the row in the same transaction
 * as the outbox message makes the digest go out once a day across replicas, retries and restarts.
 */
public final class DigestLedger {
  private DigestLedger() {}

  /**
   * Claims today's row; false when another instance (or an earlier run) already did. Needs a
   * transaction.
   */
  public static boolean claim(String readerUserId, LocalDate localDate, Instant at) {
    return Panache.getEntityManager()
            .createNativeQuery(
                "INSERT INTO digest_delivery (reader_id, local_date, sent_at, item_count) VALUES (?1, ?2, ?3, 0)"
                    + " ON CONFLICT (reader_id, local_date) DO NOTHING")
            .setParameter(1, readerUserId)
            .setParameter(2, localDate)
            .setParameter(3, at)
            .executeUpdate()
        == 1;
  }

  public static void recordCount(String readerUserId, LocalDate localDate, int items) {
    Panache.getEntityManager()
        .createNativeQuery(
            "UPDATE digest_delivery SET item_count = ?3 WHERE reader_id = ?1 AND local_date = ?2")
        .setParameter(1, readerUserId)
        .setParameter(2, localDate)
        .setParameter(3, items)
        .executeUpdate();
  }

  /**
   * When the reader's previous digest was built and queued: the latest row of an earlier local
   * date. Today's own row is left out, so a digest claimed just before it is built still covers
   * everything since the one before it.
   */
  public static Optional<Instant> lastSentBefore(String readerUserId, LocalDate localDate) {
    Object result =
        Panache.getEntityManager()
            .createNativeQuery(
                "SELECT max(sent_at) FROM digest_delivery WHERE reader_id = ?1 AND local_date < ?2",
                Instant.class)
            .setParameter(1, readerUserId)
            .setParameter(2, localDate)
            .getSingleResult();
    return Optional.ofNullable((Instant) result);
  }
}
