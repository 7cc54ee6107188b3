package dev.cosbot.status;

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
import java.util.Optional;

/** An owner's update for one period; a second submission for the period becomes a new version. */
@Entity
@Table(name = "status_update")
public class StatusUpdate extends PanacheEntityBase {
  /** How sure the owner is of the plan. */
  public enum Confidence {
    HIGH,
    MEDIUM,
    LOW
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "initiative_id")
  public Long initiativeId;

  @Column(name = "period_due")
  public Instant periodDue;

  @Column(name = "author_id")
  public String authorId;

  @Enumerated(EnumType.STRING)
  public Rag rag;

  public String summary;
  public String progress;
  public String risks;
  public String asks;

  @Column(name = "ask_to")
  public String askTo;

  @Enumerated(EnumType.STRING)
  public Confidence confidence;

  public Integer percent;
  public int version;

  @Column(name = "posted_at")
  public Instant postedAt;

  @Column(name = "edited_at")
  public Instant editedAt;

  /** When the person the ask was addressed to replied (null: not yet, or no ask). */
  @Column(name = "ask_replied_at")
  public Instant askRepliedAt;

  @Column(name = "ask_reply")
  public String askReply;

  public static Optional<StatusUpdate> forPeriod(long initiativeId, Instant periodDue) {
    return find("initiativeId = ?1 and periodDue = ?2", initiativeId, periodDue)
        .firstResultOptional();
  }
}
