package dev.cosbot.agenda;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One agenda item of a meeting (a cadence): added for an occurrence, it stays on the agenda of
 * every later occurrence until it is marked covered — that is how leftovers roll over.
 */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "cadence_id")
  public long cadenceId;

  /** The occurrence it was added for. */
  @Column(name = "added_for")
  public Instant addedFor;

  public String title;

  @Column(name = "owner_id")
  public String ownerId;

  public int minutes;

  /** When it was marked covered; null while it is still on the agenda. */
  @Column(name = "covered_at")
  public Instant coveredAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  /** Whether it was added for an earlier occurrence than {@code occurrence} (rolled over). */
  public boolean rolledOverFor(Instant occurrence) {
    return addedFor.isBefore(occurrence);
  }

  /** The agenda of the occurrence at {@code occurrence}: items not covered, in order of adding. */
  public static List<AgendaItem> agendaOf(long cadenceId, Instant occurrence) {
    return list(
        "cadenceId = ?1 and coveredAt is null and addedFor <= ?2 order by addedFor, id",
        cadenceId,
        occurrence);
  }
}
