package dev.cosbot.platform.outbox;

import java.util.Optional;

/**
 * Lets a feature name its own outbox messages in human words ("Escalation #4") from their
 * idempotency key, so an operator told about a failed message knows what it was.
 */
public interface MessageDescriber {
  /** The message's name for people, or empty when the key is not this feature's. */
  Optional<String> describe(String key);

  /**
   * True when naming the message's recipient would tell something private (a sealed note goes only
   * to an anonymous writer): the notice then leaves the recipient out.
   */
  default boolean hidesRecipient(String key) {
    return false;
  }
}
