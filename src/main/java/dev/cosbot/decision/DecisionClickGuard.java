package dev.cosbot.decision;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import dev.cosbot.platform.spi.DigestIds;
import dev.cosbot.platform.support.Json;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What every decision button reads and checks: a preview's buttons do nothing, the value must be
 * one the bot signed, and a click in the digest remembers that message so it changes with the
 * outcome.
 */
@ApplicationScoped
public class DecisionClickGuard {
  @Inject SignedMetadata signer;
  @Inject DecisionService decisions;
  @Inject dev.cosbot.platform.people.Roles roles;

  /**
   * The work after the ack of a decider's button: the form {@code form} makes for the decision when
   * the clicker may act on it, else the answer that says why not.
   */
  dev.cosbot.ingress.Answer formFor(
      BlockActionRequest req,
      String clicker,
      java.util.function.BiFunction<Decision, Click, com.slack.api.model.view.View> form) {
    Click click = read(req);
    DecisionService.Outcome outcome = decisions.open(roles.of(clicker), click.id(), click.seen());
    return outcome instanceof DecisionService.Outcome.Actionable ok
        ? dev.cosbot.ingress.Answer.open(form.apply(ok.decision(), click))
        : dev.cosbot.ingress.Answer.say(DecisionMessages.answer(outcome));
  }

  /** A click on a decision button: the signed decision id and option index (-1: none). */
  record Click(long id, int index, DecisionService.Seen seen) {}

  /** Reads the click; a tampered value gives id -1 (found nowhere). */
  Click read(BlockActionRequest req) {
    BlockActionPayload p = req.getPayload();
    BlockActionPayload.Action action = p.getActions().get(0);
    if (DigestIds.PREVIEW_READER.equals(DigestIds.readerOf(action.getBlockId()))) {
      throw new UserFacingException(DecisionMessages.PREVIEW);
    }
    String value = signer.verify(action.getValue()).orElse("");
    long id = -1;
    int index = -1;
    try {
      String[] parts = value.split(":");
      id = Long.parseLong(parts[0]);
      index = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    } catch (NumberFormatException e) {
      id = -1;
    }
    return new Click(id, index, seen(p, action.getBlockId()));
  }

  /** The digest message the click came from (null for the bot's own copies and elsewhere). */
  private static DecisionService.Seen seen(BlockActionPayload p, String blockId) {
    if (DigestIds.readerOf(blockId) == null
        || p.getContainer() == null
        || p.getContainer().getChannelId() == null
        || p.getContainer().getMessageTs() == null
        || p.getMessage() == null
        || p.getMessage().getBlocks() == null) {
      return null;
    }
    com.google.gson.JsonObject message = new com.google.gson.JsonObject();
    message.addProperty("text", p.getMessage().getText());
    message.add("blocks", Json.slack().toJsonTree(p.getMessage().getBlocks()));
    return new DecisionService.Seen(
        p.getContainer().getChannelId(), p.getContainer().getMessageTs(), message.toString());
  }
}
