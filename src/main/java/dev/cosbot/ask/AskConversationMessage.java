package dev.cosbot.ask;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of an anonymous conversation; a writer's message has no author. */
@Entity
@Table(name = "ask_conversation_message")
public class AskConversationMessage extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "conversation_id")
  public long conversationId;

  @Column(name = "from_cos")
  public boolean fromCos;

  /** The Chief of Staff who wrote it; null for the anonymous writer. */
  @Column(name = "author_id")
  public String authorId;

  public String text;

  @Column(name = "created_at")
  public Instant createdAt;
}
