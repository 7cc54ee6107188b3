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

/**
 * One cadence occurrence of one initiative. Unique per (initiative, due time), so the prompt, the
 * nudge and "missing" happen once whichever replica runs the sweep, and after restarts.
 */
@Entity
@Table(name = "status_period")
public class Period extends PanacheEntityBase {
  /** Where a period stands. */
  public enum State {
    OPEN,
    PROMPTED,
    NUDGED,
    MISSING,
    AWAY,
    UPDATED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "initiative_id")
  public Long initiativeId;

  @Column(name = "due_at")
  public Instant dueAt;

  @Enumerated(EnumType.STRING)
  public State state;

  @Column(name = "prompted_at")
  public Instant promptedAt;

  @Column(name = "nudged_at")
  public Instant nudgedAt;

  @Column(name = "closed_at")
  public Instant closedAt;
}
