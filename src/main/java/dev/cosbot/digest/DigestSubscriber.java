package dev.cosbot.digest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A Chief of Staff who gets their own, fuller digest each working day. */
@Entity
@Table(name = "digest_subscriber")
public class DigestSubscriber extends PanacheEntityBase {
  @Id
  @Column(name = "user_id")
  public String userId;

  @Column(name = "subscribed_at")
  public Instant subscribedAt;

  public static List<String> userIds() {
    return DigestSubscriber.<DigestSubscriber>list("order by userId").stream()
        .map(s -> s.userId)
        .toList();
  }
}
