package dev.cosbot.digest;

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

/** A Chief of Staff's pin or mute for the next CXO digest (an item key or a piece of its text). */
@Entity
@Table(name = "digest_override")
public class DigestOverride extends PanacheEntityBase {
  /** Pin brings a line to the top (or adds a note); mute leaves it out. */
  public enum Kind {
    PIN,
    MUTE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Enumerated(EnumType.STRING)
  public Kind kind;

  public String target;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  /** When the CXO digest that applied it was sent; null while pending. */
  @Column(name = "consumed_at")
  public Instant consumedAt;

  public static List<DigestOverride> pending() {
    return list("consumedAt is null order by id");
  }

  public static List<String> pendingTargets(Kind kind) {
    return pending().stream().filter(o -> o.kind == kind).map(o -> o.target).toList();
  }

  /** Marks every pending override as used by the digest sent at {@code at}. */
  public static int consumeAll(Instant at) {
    return update("consumedAt = ?1 where consumedAt is null", at);
  }
}
