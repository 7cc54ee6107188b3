package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import jakarta.inject.Inject;

/**
 * A button of questions to leadership: acked at once, its work done right after on the worker pool
 * (a refusal told to the clicker, a modal opened after the commit).
 */
abstract class AskButton implements BlockActionHandler {
  @Inject AfterAck afterAck;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(req, ctx, this::click);
  }

  /** The button's work, after the ack. */
  abstract Answer click(Clicker clicker) throws Exception;
}
