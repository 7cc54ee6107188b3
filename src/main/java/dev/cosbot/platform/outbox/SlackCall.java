package dev.cosbot.platform.outbox;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * What to send to Slack: a Web API method and its JSON body, under an idempotency key. Build one
 * with {@link SlackCalls}; hand it to {@link Outbox#enqueue(SlackCall)}.
 */
public record SlackCall(
    String key, String method, String channel, JsonObject payload, String refersTo) {
  public SlackCall {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(payload, "payload");
    if (key.length() > 200) {
      throw new IllegalArgumentException("idempotency key longer than 200 characters");
    }
  }
}
