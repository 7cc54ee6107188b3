package dev.cosbot.cadence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A prep task of a cadence's checklist: a DRI and how long before each occurrence it is due. */
@Entity
@Table(name = "cadence_task")
public class CadenceTask extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "cadence_id")
  public Long cadenceId;

  public int position;

  public String title;

  @Column(name = "dri_id")
  public String driId;

  @Column(name = "due_minutes")
  public int dueMinutes;

  public static List<CadenceTask> of(long cadenceId) {
    return list("cadenceId = ?1 order by position", cadenceId);
  }
}
