package dev.cosbot.ask;

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
import java.util.List;

/**
 * A question to leadership. An anonymous one names nobody: its asker is reachable only through
 * {@link #replyHandle}: their id sealed under the app secret with a random nonce.
 */
@Entity
@Table(name = "ask_question")
public class AskQuestion extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The wording shown on the board (the asker's, or a rewording they accepted). */
  public String text;

  /** A Chief of Staff's rewording waiting for the asker's consent. */
  @Column(name = "proposed_text")
  public String proposedText;

  @Enumerated(EnumType.STRING)
  public AskStatus status;

  /** Only for a question asked with the asker's name. */
  @Column(name = "asker_id")
  public String askerId;

  @Column(name = "reply_handle")
  public byte[] replyHandle;

  @Column(name = "merged_into")
  public Long mergedInto;

  @Column(name = "decline_reason")
  public String declineReason;

  public String answer;

  @Column(name = "answer_link")
  public String answerLink;

  @Column(name = "answered_by")
  public String answeredBy;

  /** Bumped on every change, so each update of the Chiefs of Staff's cards has its own key. */
  public int version;

  @Column(name = "created_at")
  public Instant createdAt;

  public boolean anonymous() {
    return askerId == null;
  }

  /** Questions in {@code status}, oldest first. */
  public static List<AskQuestion> withStatus(AskStatus status) {
    return list("status = ?1 order by id", status);
  }

  /** The duplicates folded into question {@code id}. */
  public static List<AskQuestion> mergedInto(long id) {
    return list("mergedInto = ?1 order by id", id);
  }
}
