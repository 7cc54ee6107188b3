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

/** An earlier version of an edited update, kept as it was. */
@Entity
@Table(name = "status_update_version")
public class UpdateVersion extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "update_id")
  public Long updateId;

  public int version;

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
  public StatusUpdate.Confidence confidence;

  public Integer percent;

  @Column(name = "saved_at")
  public Instant savedAt;

  static UpdateVersion of(StatusUpdate u, Instant savedAt) {
    UpdateVersion v = new UpdateVersion();
    v.updateId = u.id;
    v.version = u.version;
    v.authorId = u.authorId;
    v.rag = u.rag;
    v.summary = u.summary;
    v.progress = u.progress;
    v.risks = u.risks;
    v.asks = u.asks;
    v.askTo = u.askTo;
    v.confidence = u.confidence;
    v.percent = u.percent;
    v.savedAt = savedAt;
    return v;
  }
}
