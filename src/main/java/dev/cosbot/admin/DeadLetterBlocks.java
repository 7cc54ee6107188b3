package dev.cosbot.admin;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.support.SlackText;
import java.util.List;

/** What a Chief of Staff reads when Slack refused one message for good, and the Retry button. */
public final class DeadLetterBlocks {
  private DeadLetterBlocks() {}

  /** Action id of the Retry button. */
  public static final String RETRY = "outbox_dead_letter_retry";

  /** The notice: what failed, where, why in plain words, and what to do. */
  public record Notice(String text, List<LayoutBlock> blocks) {}

  public static Notice notice(String what, String channel, String error, String signedId) {
    String where = where(channel);
    String text = what + " couldn't be " + verb(channel) + where + ": " + advice(error) + ".";
    List<LayoutBlock> blocks =
        List.of(
            section(
                s ->
                    s.text(
                        markdownText(
                            ":warning: "
                                + SlackText.escape(what)
                                + " couldn't be "
                                + verb(channel)
                                + where
                                + ": "
                                + advice(error)
                                + ". Then press *Retry*."))),
            actions(
                a ->
                    a.elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId(RETRY)
                                        .text(plainText("Retry"))
                                        .style("primary")
                                        .value(signedId))))));
    return new Notice(text, blocks);
  }

  /** The answer after Retry was pressed. */
  public static String retried(String what, boolean sent, boolean expired) {
    if (sent) {
      return what + " is being sent again.";
    }
    if (expired) {
      return what
          + " is no longer useful (its moment has passed), so it was dropped instead of being"
          + " sent late.";
    }
    return what + " was already sent again or dropped; nothing to retry.";
  }

  static String where(String channel) {
    if (channel == null) {
      return "";
    }
    if (channel.matches("[UW][A-Z0-9]+")) {
      return " to <@" + channel + ">";
    }
    return " in <#" + channel + ">";
  }

  private static String verb(String channel) {
    return channel != null && channel.matches("[UW][A-Z0-9]+") ? "sent" : "posted";
  }

  /** Slack's error code in plain words, with what a person can do about it. */
  static String advice(String error) {
    return switch (error == null ? "" : error) {
      case "not_in_channel" -> "invite @cos-bot to the channel (`/invite @cos-bot`)";
      case "channel_not_found" ->
          "the channel was deleted or is private — invite @cos-bot to it, or choose another channel";
      case "is_archived" -> "the channel is archived — unarchive it or choose another channel";
      case "user_not_found", "users_not_found", "user_disabled", "account_inactive" ->
          "that person is no longer in the workspace — pick someone else";
      case "cannot_dm_bot" -> "it was addressed to a bot, which can't receive messages";
      case "user_is_restricted", "user_not_in_channel" ->
          "that person can't be reached there — invite them or message them directly";
      case "message_not_found", "cant_update_message", "thread_not_found", "edit_window_closed" ->
          "the message it changes was deleted in Slack";
      case "original_message_not_delivered" -> "the message it changes was never delivered";
      default -> {
        if (error != null && error.startsWith("restricted_action")) {
          yield "only some people may post there — allow @cos-bot to post in that channel";
        }
        yield "Slack refused it (" + error + ") — this looks like a bug; please report it";
      }
    };
  }
}
