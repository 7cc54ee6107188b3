package dev.cosbot.decision;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.inject.Inject;
import java.util.Locale;

/** Delegate… or Ask for more…: acked at once; the form opens if the decision is still open. */
abstract class DecisionOpenOutcomeHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject DecisionClickGuard guard;
  @Inject SignedMetadata signer;

  /** {@link DecisionIds#DELEGATE} or {@link DecisionIds#MORE}. */
  abstract String which();

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    Clicker clicker = Clicker.of(req);
    String blockId = req.getPayload().getActions().get(0).getBlockId();
    return afterAck.ackThen(
        ctx::ack,
        clicker,
        () -> {
          guard.decider(clicker, blockId);
          long id = guard.id(clicker);
          Decision d = id < 0 ? null : Decision.findById(id);
          if (d == null) {
            throw new UserFacingException(
                "I can't find that decision. Type `/cos decisions` to see the open ones.");
          }
          if (d.status != DecisionStatus.OPEN) {
            throw new UserFacingException(
                "Decision #"
                    + d.id
                    + " was already recorded: "
                    + d.status.label().toLowerCase(Locale.ROOT)
                    + ".");
          }
          return Answer.open(DecisionViews.outcomeModal(which(), d, signer));
        });
  }
}
