package dev.cosbot.platform.slack;

import java.time.Duration;

/** What Slack made of one call, reduced to what the dispatcher must do next. */
public sealed interface SendOutcome {
  /** Accepted. {@code channel} and {@code ts} identify the posted message, when there is one. */
  record Delivered(String channel, String ts) implements SendOutcome {}

  /** 429 or {@code ratelimited}: wait at least this long, without counting an attempt. */
  record RateLimited(Duration retryAfter) implements SendOutcome {}

  /**
   * 5xx, timeout, connection error, Slack-side hiccup: try again with backoff. {@code
   * maybeDelivered} when the request may have reached Slack (a read timeout, a reset after
   * sending): the next attempt first checks whether it did.
   */
  record Transient(String error, boolean maybeDelivered) implements SendOutcome {}

  /** Slack will never accept this call (channel_not_found, invalid_blocks…): dead-letter now. */
  record Permanent(String error) implements SendOutcome {}
}
