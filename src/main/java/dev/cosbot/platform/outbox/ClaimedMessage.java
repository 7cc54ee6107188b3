package dev.cosbot.platform.outbox;

/**
 * A message one worker has claimed for delivery. {@code takenOver}: an earlier claim lapsed (its
 * instance died or hung while sending). {@code uncertain}: an earlier attempt may have reached
 * Slack. {@code expiresAt}: when the message stops being useful (null: never).
 */
record ClaimedMessage(
    long id,
    String key,
    String method,
    String channel,
    String payload,
    String refersTo,
    int attempts,
    boolean takenOver,
    boolean uncertain,
    java.time.Instant createdAt,
    java.time.Instant expiresAt) {

  /** Whether Slack must be asked before sending again. */
  boolean mayAlreadyBeDelivered() {
    return takenOver || uncertain;
  }
}
