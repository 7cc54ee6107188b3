package dev.cosbot.ingress;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * "Reply privately to the person who clicked": an ephemeral message through the outbox, in the
 * caller's transaction, under {@link Clicker#replyKey()}.
 */
@ApplicationScoped
public class PrivateReplies {
  @Inject Outbox outbox;

  /** Queues {@code text} for the clicker's eyes only (joins the current transaction). */
  @Transactional
  public void tell(Clicker clicker, String text) {
    tell(clicker, "", text);
  }

  /** Same, with a suffix that tells this answer apart from another one to the same click. */
  @Transactional
  public void tell(Clicker clicker, String keySuffix, String text) {
    outbox.enqueue(
        SlackCalls.postEphemeral(
            clicker.replyKey() + keySuffix, clicker.channelId(), clicker.userId(), text, null));
  }
}
