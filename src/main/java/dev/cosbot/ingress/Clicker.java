package dev.cosbot.ingress;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;

/**
 * The person behind an interaction and where a private answer to them goes, read once from Slack's
 * payload so that every feature replies the same way and with the same idempotency key.
 *
 * @param userId who clicked or submitted
 * @param channelId the channel the button was in (or the person's id for modals and lost context)
 * @param actionId the action id (button) or callback id (modal)
 * @param value the button value as Slack sent it (null for modals)
 * @param actionTs Slack's timestamp of this click (view id for modals): unique per interaction
 * @param triggerId the trigger for opening a modal (valid 3 s, once)
 */
public record Clicker(
    String userId,
    String channelId,
    String actionId,
    String value,
    String actionTs,
    String triggerId) {

  /** Reads a block action: the first action is the one that was clicked. */
  public static Clicker of(BlockActionRequest req) {
    BlockActionPayload p = req.getPayload();
    BlockActionPayload.Action clicked =
        p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0);
    String userId = p.getUser().getId();
    String channel =
        p.getContainer() != null && p.getContainer().getChannelId() != null
            ? p.getContainer().getChannelId()
            : p.getChannel() != null ? p.getChannel().getId() : userId;
    return new Clicker(
        userId,
        channel,
        clicked == null ? "" : clicked.getActionId(),
        clicked == null ? null : clicked.getValue(),
        clicked == null ? String.valueOf(p.getTriggerId()) : clicked.getActionTs(),
        p.getTriggerId());
  }

  /** Reads a modal submission: a private answer goes to the person's DM with the bot. */
  public static Clicker of(ViewSubmissionRequest req) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    return new Clicker(
        userId,
        userId,
        p.getView().getCallbackId(),
        null,
        p.getView().getId() + ":" + p.getView().getHash(),
        p.getTriggerId());
  }

  /**
   * The one idempotency key of a private answer to this interaction: a retried delivery of the same
   * click answers once, two clicks answer twice.
   */
  public String replyKey() {
    return "reply:" + actionId + ":" + userId + ":" + actionTs;
  }
}
