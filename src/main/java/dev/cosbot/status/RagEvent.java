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

/** A change of an initiative's RAG (green→amber, amber→red…) and when it happened. */
@Entity
@Table(name = "status_rag_event")
public class RagEvent extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "initiative_id")
  public Long initiativeId;

  @Column(name = "update_id")
  public Long updateId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_rag")
  public Rag fromRag;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_rag")
  public Rag toRag;

  @Column(name = "changed_at")
  public Instant changedAt;
}
