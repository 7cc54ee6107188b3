package dev.cosbot.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/**
 * A message that shows a decision with its buttons, so that every copy changes with the outcome: a
 * DM the bot posted (its outbox key), or a message someone clicked in (the digest: channel, ts and
 * its blocks as they were).
 */
@Entity
@Table(name = "decision_copy")
public class DecisionCopy extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "decision_id")
  public long decisionId;

  @Column(name = "message_key")
  public String messageKey;

  public String channel;
  public String ts;

  /** For a message found by a click: {@code {"text":…,"blocks":[…]}} as Slack showed it. */
  public String blocks;

  public static List<DecisionCopy> of(long decisionId) {
    return list("decisionId = ?1 order by id", decisionId);
  }

  /** Remembers a copy the bot posted under {@code key} (once). */
  static void keep(long decisionId, String key) {
    if (count("decisionId = ?1 and messageKey = ?2", decisionId, key) == 0) {
      DecisionCopy c = new DecisionCopy();
      c.decisionId = decisionId;
      c.messageKey = key;
      c.persist();
    }
  }

  /** Remembers (or refreshes) a message someone clicked in, with what it showed. */
  static void seen(long decisionId, String channel, String ts, String blocks) {
    DecisionCopy c =
        find(
                "decisionId = ?1 and messageKey is null and channel = ?2 and ts = ?3",
                decisionId,
                channel,
                ts)
            .firstResult();
    if (c == null) {
      c = new DecisionCopy();
      c.decisionId = decisionId;
      c.channel = channel;
      c.ts = ts;
    }
    c.blocks = blocks;
    c.persist();
  }

  /** The copy posted under {@code key}, if any. */
  static boolean exists(long decisionId, String key) {
    return count("decisionId = ?1 and messageKey = ?2", decisionId, key) > 0;
  }
}
