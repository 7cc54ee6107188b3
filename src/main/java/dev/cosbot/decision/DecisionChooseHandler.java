package dev.cosbot.decision;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import jakarta.inject.Inject;

/** Approve or Decline on the CXO's digest line: acked at once, recorded right after. */
abstract class DecisionChooseHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject DecisionClickGuard guard;
  @Inject DecisionService decisions;

  abstract DecisionStatus outcome();

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    Clicker clicker = Clicker.of(req);
    String blockId = req.getPayload().getActions().get(0).getBlockId();
    return afterAck.ackThen(
        ctx::ack,
        clicker,
        () ->
            Answer.say(
                decisions.decide(
                    guard.decider(clicker, blockId), guard.id(clicker), outcome(), null, null)));
  }
}
