package dev.cosbot.decision;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.inject.Inject;

/** Delegate… or Ask for more…: acked at once; the form opens if the decision is still open. */
abstract class DecisionOpenOutcomeHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject DecisionClickGuard guard;
  @Inject SignedMetadata signer;

  /** {@link DecisionIds#DELEGATE} or {@link DecisionIds#MORE}. */
  abstract String which();

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker ->
            guard.formFor(
                req,
                clicker.userId(),
                (d, click) -> DecisionViews.outcomeModal(which(), d, signer)));
  }
}
