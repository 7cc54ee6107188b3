package dev.cosbot.ask;

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
 * An anonymous conversation: a Chief of Staff writes to the anonymous writer of a question or a
 * pulse comment, who answers back through the bot. The writer is reachable only through {@link
 * #replyHandle}; nothing here names them.
 */
@Entity
@Table(name = "ask_conversation")
public class AskConversation extends PanacheEntityBase {
  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";
  public static final String WRITER = "WRITER";
  public static final String COS = "COS";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** Where the subject comes from, plain text ("Question to leadership", a survey's title). */
  public String source;

  /** What the writer wrote, quoted at the top of the conversation. */
  public String subject;

  @Column(name = "reply_handle")
  public byte[] replyHandle;

  @Column(name = "started_by")
  public String startedBy;

  public String status;

  /** Who is to write next: the anonymous writer or a Chief of Staff. */
  @Column(name = "waiting_for")
  public String waitingFor;

  @Column(name = "created_at")
  public Instant createdAt;

  public boolean open() {
    return OPEN.equals(status);
  }

  /** Open conversations where the writer answered and a Chief of Staff has not replied yet. */
  public static long waitingForCos() {
    return count("status = ?1 and waitingFor = ?2", OPEN, COS);
  }

  /** The messages, oldest first. */
  public List<AskConversationMessage> messages() {
    return AskConversationMessage.list("conversationId = ?1 order by id", id);
  }
}
