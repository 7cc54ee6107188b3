package dev.cosbot.platform.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;

/** What Slack made of one Web API call, already classified by {@link SlackErrors}. */
public sealed interface SlackResult {
  /** Accepted; {@code body} is Slack's JSON answer. */
  record Ok(JsonObject body) implements SlackResult {
    /** A top-level string field of the answer, or null. */
    public String text(String field) {
      JsonElement value = body.get(field);
      return value == null || value.isJsonNull() || !value.isJsonPrimitive()
          ? null
          : value.getAsString();
    }
  }

  /** 429 or {@code ratelimited}: wait at least this long (Slack's Retry-After). */
  record RateLimited(Duration retryAfter) implements SlackResult {}

  /**
   * 5xx, timeout, connection error, Slack-side hiccup: try again later. {@code maybeDelivered} when
   * the request may have reached Slack (a read timeout, a reset after sending).
   */
  record Transient(String error, boolean maybeDelivered) implements SlackResult {}

  /**
   * The token does not work (revoked, expired, app uninstalled): pause, never give up a message.
   */
  record AuthFailed(String error) implements SlackResult {}

  /** Slack will never accept this call as it is; {@code kind} says whether a person can fix it. */
  record Failed(String error, SlackErrors.Kind kind) implements SlackResult {}

  /** Short error code for logs and metrics ({@code ok} when accepted). */
  default String code() {
    if (this instanceof Ok) {
      return "ok";
    }
    if (this instanceof RateLimited) {
      return "ratelimited";
    }
    if (this instanceof Transient t) {
      return t.error();
    }
    if (this instanceof AuthFailed a) {
      return a.error();
    }
    return ((Failed) this).error();
  }
}
