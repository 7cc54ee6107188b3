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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * An initiative in the portfolio: who owns it, its team, its update cadence and where it reports.
 */
@Entity
@Table(name = "status_initiative")
public class Initiative extends PanacheEntityBase {
  /**
   * Active initiatives are prompted; paused ones are listed but not prompted; done ones are closed.
   */
  public enum State {
    ACTIVE,
    PAUSED,
    DONE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String name;
  public String description;

  @Column(name = "owner_id")
  public String ownerId;

  public String team;

  @Column(name = "dri_id")
  public String driId;

  @Column(name = "sponsor_id")
  public String sponsorId;

  @Column(name = "target_date")
  public LocalDate targetDate;

  public String tags;

  @Enumerated(EnumType.STRING)
  public State state;

  @Column(name = "every_weeks")
  public int everyWeeks;

  @Column(name = "cadence_day")
  public int cadenceDay;

  @Column(name = "cadence_time")
  public String cadenceTime;

  @Column(name = "anchor_date")
  public LocalDate anchorDate;

  @Column(name = "report_channel")
  public String reportChannel;

  @Column(name = "last_update_id")
  public Long lastUpdateId;

  @Enumerated(EnumType.STRING)
  @Column(name = "current_rag")
  public Rag currentRag;

  @Column(name = "missed_in_row")
  public int missedInRow;

  @Column(name = "stale_since")
  public Instant staleSince;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public Cadence cadence() {
    return new Cadence(
        everyWeeks, DayOfWeek.of(cadenceDay), LocalTime.parse(cadenceTime), anchorDate);
  }

  public static Optional<Initiative> byName(String name) {
    return find("lower(name) = ?1", name.trim().toLowerCase(java.util.Locale.ROOT))
        .firstResultOptional();
  }

  public static List<Initiative> active() {
    return list("state = ?1 order by id", State.ACTIVE);
  }

  public static List<Initiative> openOwnedBy(String userId) {
    return list("(ownerId = ?1 or driId = ?1) and state <> ?2 order by name", userId, State.DONE);
  }

  /** Open initiatives, optionally of one team (case-insensitive), by team then name. */
  public static List<Initiative> open(String team) {
    if (team == null || team.isBlank()) {
      return list("state <> ?1 order by team, name", State.DONE);
    }
    return list(
        "state <> ?1 and lower(team) = ?2 order by name",
        State.DONE,
        team.trim().toLowerCase(java.util.Locale.ROOT));
  }

  /** The teams of open initiatives, each once, in alphabetical order. */
  public static List<String> openTeams() {
    return getEntityManager()
        .createQuery(
            "select distinct i.team from Initiative i where i.state <> :done order by i.team",
            String.class)
        .setParameter("done", State.DONE)
        .getResultList();
  }

  /** The names of open initiatives, alphabetical. */
  public static List<String> openNames() {
    return getEntityManager()
        .createQuery(
            "select i.name from Initiative i where i.state <> :done order by i.name", String.class)
        .setParameter("done", State.DONE)
        .getResultList();
  }
}
