package dev.cosbot.platform.outbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.cosbot.platform.slack.DeliveryMark;
import dev.cosbot.platform.support.Json;
import java.util.List;

/** Builders for the Web API calls features send through the outbox. */
public final class SlackCalls {
  private SlackCalls() {}

  /**
   * chat.postMessage to a channel id or a user id (a user id posts into the bot's DM with them).
   */
  public static SlackCall postMessage(
      String key, String channel, String text, List<LayoutBlock> blocks) {
    JsonObject body = new JsonObject();
    body.addProperty("channel", channel);
    body.addProperty("text", text);
    if (blocks != null && !blocks.isEmpty()) {
      body.add("blocks", toJson(blocks));
    }
    body.addProperty("unfurl_links", false);
    body.addProperty("unfurl_media", false);
    body.add("metadata", DeliveryMark.metadata(key));
    return new SlackCall(key, "chat.postMessage", channel, body, null);
  }

  /** A reply in the thread of an earlier outbox message (by its key). */
  public static SlackCall replyInThread(
      String key, String parentKey, String text, List<LayoutBlock> blocks) {
    SlackCall post = postMessage(key, null, text, blocks);
    post.payload().remove("channel");
    post.payload().addProperty("thread_ts", "{{ts}}");
    return new SlackCall(key, "chat.postMessage", null, post.payload(), parentKey);
  }

  /** chat.update of a message sent earlier through the outbox, found by that message's key. */
  public static SlackCall updateMessage(
      String key, String originalKey, String text, List<LayoutBlock> blocks) {
    JsonObject body = new JsonObject();
    body.addProperty("text", text);
    body.add("blocks", toJson(blocks == null ? List.of() : blocks));
    return new SlackCall(key, "chat.update", null, body, originalKey);
  }

  /**
   * chat.update of a message the bot knows by channel and ts (one it did not send through the
   * outbox under a key of the caller's, e.g. a message someone clicked a button in).
   */
  public static SlackCall updateAt(
      String key, String channel, String ts, String text, JsonElement blocks) {
    JsonObject body = new JsonObject();
    body.addProperty("channel", channel);
    body.addProperty("ts", ts);
    body.addProperty("text", text);
    body.add("blocks", blocks);
    return new SlackCall(key, "chat.update", channel, body, null);
  }

  /** chat.postEphemeral: visible only to {@code user} in {@code channel}. */
  public static SlackCall postEphemeral(
      String key, String channel, String user, String text, List<LayoutBlock> blocks) {
    JsonObject body = new JsonObject();
    body.addProperty("channel", channel);
    body.addProperty("user", user);
    body.addProperty("text", text);
    if (blocks != null && !blocks.isEmpty()) {
      body.add("blocks", toJson(blocks));
    }
    return new SlackCall(key, "chat.postEphemeral", channel, body, null);
  }

  /** views.publish of a user's App Home tab. */
  public static SlackCall publishHome(String key, String userId, View view) {
    JsonObject body = new JsonObject();
    body.addProperty("user_id", userId);
    body.add("view", Json.slack().toJsonTree(view));
    return new SlackCall(key, "views.publish", null, body, null);
  }

  private static JsonElement toJson(List<LayoutBlock> blocks) {
    return Json.slack().toJsonTree(blocks);
  }
}
