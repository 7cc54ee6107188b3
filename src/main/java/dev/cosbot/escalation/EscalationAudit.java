package dev.cosbot.escalation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One line of an escalation's trail: who did what, when. */
@Entity
@Table(name = "escalation_audit")
public class EscalationAudit extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "escalation_id")
  public Long escalationId;

  public Instant at;

  /** A Slack user id, or {@code cos-bot} for timer-driven steps. */
  public String actor;

  public String action;
  public String detail;

  public static List<EscalationAudit> of(long escalationId) {
    return list("escalationId = ?1 order by at, id", escalationId);
  }
}
