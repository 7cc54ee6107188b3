package dev.cosbot.decision;

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
import java.time.LocalDate;
import java.util.List;

/** A decision someone asked the CXO for, and — once made — the CXO's choice: the decision log. */
@Entity
@Table(name = "digest_decision")
public class Decision extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "asker_id")
  public String askerId;

  public String question;

  public String context;

  public String options;

  @Column(name = "needed_by")
  public LocalDate neededBy;

  /** The person the decision concerns or who owns the ask, if given. */
  @Column(name = "about_user_id")
  public String aboutUserId;

  /** A link to the ask (status update, thread), if given. */
  public String link;

  @Enumerated(EnumType.STRING)
  public DecisionStatus status;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "delegated_to")
  public String delegatedTo;

  /** The decider's note with the choice (what more is needed, why declined). */
  public String note;

  /** The option chosen, as worded when chosen (null: not decided, or Approve/Decline). */
  @Column(name = "chosen_option")
  public String chosenOption;

  /** When the Chiefs of Staff were told it is past its needed-by date (once). */
  @Column(name = "overdue_flagged_at")
  public Instant overdueFlaggedAt;

  @Column(name = "created_at")
  public Instant createdAt;

  /** Approve and Decline: the choices of a request that lists no options. */
  static final List<String> APPROVE_DECLINE = List.of("Approve", "Decline");

  /** The options the asker listed (one per line), or Approve and Decline when none. */
  public List<String> choices() {
    if (options == null) {
      return APPROVE_DECLINE;
    }
    List<String> out =
        options.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(10).toList();
    return out.isEmpty() ? APPROVE_DECLINE : out;
  }

  /** True when the asker listed options (else the choice is Approve or Decline). */
  public boolean hasOptions() {
    return choices() != APPROVE_DECLINE;
  }

  /** Still to be decided: open for the CXO, or delegated and waiting for the delegate. */
  public boolean undecided() {
    return status == DecisionStatus.OPEN || status == DecisionStatus.DELEGATED;
  }

  public static List<Decision> open() {
    return list("status = ?1 order by neededBy, id", DecisionStatus.OPEN);
  }

  /** Open decisions past their needed-by date whose Chiefs of Staff have not been told yet. */
  public static List<Decision> overdueUnflagged(LocalDate today) {
    return list(
        "status = ?1 and neededBy < ?2 and overdueFlaggedAt is null order by id",
        DecisionStatus.OPEN,
        today);
  }

  /** Decisions made since {@code since}, newest first. */
  public static List<Decision> decidedSince(Instant since, int limit) {
    return find(
            "status <> ?1 and decidedAt >= ?2 order by decidedAt desc", DecisionStatus.OPEN, since)
        .page(0, limit)
        .list();
  }

  /**
   * The log, newest first; {@code user} null for everything, else only what they asked or were
   * delegated.
   */
  public static List<Decision> log(DecisionStatus status, String user, int limit) {
    StringBuilder q = new StringBuilder("1 = 1");
    var params = new java.util.HashMap<String, Object>();
    if (status != null) {
      q.append(" and status = :status");
      params.put("status", status);
    }
    if (user != null) {
      q.append(" and (askerId = :user or delegatedTo = :user)");
      params.put("user", user);
    }
    q.append(" order by createdAt desc, id desc");
    return find(q.toString(), params).page(0, limit).list();
  }
}
