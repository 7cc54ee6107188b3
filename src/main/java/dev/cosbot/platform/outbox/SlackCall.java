package dev.cosbot.platform.outbox;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * What to send to Slack: a Web API method and its JSON body, under an idempotency key. Build one
 * with {@link SlackCalls}; hand it to {@link Outbox#enqueue(SlackCall)}. {@code expiresAt}: when
 * the message stops being useful (null: never) — an expired message is dropped, never sent late.
 */
public record SlackCall(
    String key,
    String method,
    String channel,
    JsonObject payload,
    String refersTo,
    Instant expiresAt) {
  public SlackCall {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(payload, "payload");
    if (key.length() > 200) {
      throw new IllegalArgumentException("idempotency key longer than 200 characters");
    }
  }

  /** A call that stays useful until delivered (escalations, decisions, answers to a person). */
  public SlackCall(String key, String method, String channel, JsonObject payload, String refersTo) {
    this(key, method, channel, payload, refersTo, null);
  }

  /** The same call, dropped instead of sent once {@code instant} has passed. */
  public SlackCall expiringAt(Instant instant) {
    return new SlackCall(key, method, channel, payload, refersTo, instant);
  }
}
