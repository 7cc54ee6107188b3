package dev.cosbot.platform.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The outbox's side of the Slack client: sends one queued call, and finds out whether an
 * interrupted delivery reached Slack. Knows nothing about retries or the database.
 */
@ApplicationScoped
public class SlackSender {
  @Inject SlackClient client;

  public SlackResult send(String method, String jsonBody) {
    return client.call(method, jsonBody);
  }

  /** What asking Slack about an interrupted delivery found out. */
  public record Lookup(boolean answered, Found found, String unreachable) {
    static final Lookup UNKNOWN = new Lookup(false, null, null);
    static final Lookup NOT_FOUND = new Lookup(true, null, null);

    /**
     * Slack did not answer the lookup for a passing reason (5xx, timeout, 429): ask again later.
     */
    public boolean slackUnreachable() {
      return unreachable != null;
    }
  }

  /** Thrown inside a lookup when Slack's answer was a passing failure. */
  private static final class Unreachable extends RuntimeException {
    Unreachable(String code) {
      super(code, null, false, false);
    }
  }

  /** Where an interrupted delivery was found. */
  public record Found(String channel, String ts) {}

  /**
   * Looks for a chat.postMessage that may already have reached Slack, by the delivery mark in its
   * metadata, in the channel (or thread) it was sent to since {@code since}.
   */
  public Lookup findDelivered(String jsonBody, String key, java.time.Instant since) {
    JsonObject body = JsonParser.parseString(jsonBody).getAsJsonObject();
    String channel = text(body, "channel");
    if (channel == null) {
      return Lookup.UNKNOWN;
    }
    try {
      if (channel.matches("[UW][A-Z0-9]+")) {
        JsonObject opened = form("conversations.open", "users", channel);
        if (opened == null || !opened.get("ok").getAsBoolean()) {
          return Lookup.UNKNOWN;
        }
        channel = opened.getAsJsonObject("channel").get("id").getAsString();
      }
      String mark = DeliveryMark.of(key);
      String oldest = String.valueOf(Math.max(0, since.getEpochSecond() - 60));
      String threadTs = text(body, "thread_ts");
      String cursor = null;
      for (int page = 0; page < 5; page++) {
        // A thread reply is looked for among the thread's replies, anything else in the channel;
        // a null parameter (no thread, no cursor yet) is left out of the form.
        JsonObject history =
            form(
                threadTs == null ? "conversations.history" : "conversations.replies",
                "channel",
                channel,
                "ts",
                threadTs,
                "oldest",
                oldest,
                "limit",
                "200",
                "include_all_metadata",
                "true",
                "cursor",
                cursor);
        if (history == null || !history.has("ok") || !history.get("ok").getAsBoolean()) {
          return Lookup.UNKNOWN;
        }
        if (history.has("messages")) {
          for (JsonElement m : history.getAsJsonArray("messages")) {
            JsonObject message = m.getAsJsonObject();
            JsonObject metadata =
                message.has("metadata") ? message.getAsJsonObject("metadata") : null;
            if (metadata != null
                && DeliveryMark.EVENT.equals(text(metadata, "event_type"))
                && metadata.has("event_payload")
                && mark.equals(
                    text(metadata.getAsJsonObject("event_payload"), DeliveryMark.FIELD))) {
              return new Lookup(true, new Found(channel, text(message, "ts")), null);
            }
          }
        }
        JsonObject meta =
            history.has("response_metadata") ? history.getAsJsonObject("response_metadata") : null;
        cursor = meta == null ? null : text(meta, "next_cursor");
        if (cursor == null || cursor.isBlank()) {
          return Lookup.NOT_FOUND;
        }
      }
      return Lookup.UNKNOWN;
    } catch (Unreachable e) {
      return new Lookup(false, null, e.getMessage());
    } catch (RuntimeException e) {
      return Lookup.UNKNOWN;
    }
  }

  /** A form-encoded read call; null unless Slack accepted it. */
  private JsonObject form(String method, String... pairs) {
    SlackResult result = client.form(method, pairs);
    if (result instanceof SlackResult.Transient || result instanceof SlackResult.RateLimited) {
      throw new Unreachable(result.code());
    }
    return result instanceof SlackResult.Ok ok ? ok.body() : null;
  }

  private static String text(JsonObject json, String field) {
    JsonElement value = json.get(field);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    return value.isJsonPrimitive() ? value.getAsString() : null;
  }
}
