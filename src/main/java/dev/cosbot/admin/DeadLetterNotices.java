package dev.cosbot.admin;

import dev.cosbot.platform.outbox.DeadLettered;
import dev.cosbot.platform.outbox.MessageDescriber;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.OutboxStore;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Tells the Chiefs of Staff, in plain words and with a Retry button, when Slack refused one message
 * for good (the bot is not in the channel, the person left…), and retries it on request.
 */
@ApplicationScoped
public class DeadLetterNotices {
  private static final Logger LOG = Logger.getLogger(DeadLetterNotices.class);
  static final String KEY_PREFIX = "dead-letter-notice:";

  @Inject Outbox outbox;
  @Inject OutboxStore store;
  @Inject Roles roles;
  @Inject SignedMetadata signed;
  @Inject Clock clock;
  @Inject @Any Instance<MessageDescriber> describers;

  void onDeadLetter(@Observes DeadLettered dead) {
    if (dead.key().startsWith(KEY_PREFIX)) {
      return; // A notice that failed is not announced by another notice.
    }
    Set<String> admins = new LinkedHashSet<>(roles.configuredAdmins());
    admins.addAll(roles.admins());
    if (admins.isEmpty()) {
      LOG.warnf("Dead letter %d: no Chief of Staff to tell", dead.id());
      return;
    }
    String what = describe(dead.key());
    DeadLetterBlocks.Notice notice =
        DeadLetterBlocks.notice(
            what,
            hidesRecipient(dead.key()) ? null : dead.channel(),
            dead.error(),
            signed.sign(String.valueOf(dead.id())));
    for (String admin : admins) {
      outbox.send(
          SlackCalls.postMessage(
              KEY_PREFIX + dead.id() + ":" + admin, admin, notice.text(), notice.blocks()));
    }
  }

  /** "Escalation #4", or a neutral name when no feature claims the key. */
  String describe(String key) {
    for (MessageDescriber d : describers) {
      Optional<String> name = d.describe(key);
      if (name.isPresent()) {
        return name.get();
      }
    }
    return "A message from cos-bot";
  }

  private boolean hidesRecipient(String key) {
    for (MessageDescriber d : describers) {
      if (d.hidesRecipient(key)) {
        return true;
      }
    }
    return false;
  }

  /** Retry pressed: requeue the dead letter if it is still useful. */
  public String retry(String signedId) throws java.sql.SQLException {
    Optional<String> id = signed.verify(signedId);
    if (id.isEmpty()) {
      return "Sorry, I can't find that message any more.";
    }
    long messageId = Long.parseLong(id.get());
    String key = store.keyOf(messageId).orElse("");
    String what = describe(key);
    OutboxStore.Requeued r = store.requeueDead(messageId, clock.instant());
    return DeadLetterBlocks.retried(what, r.requeued() > 0, r.expired() > 0);
  }
}
