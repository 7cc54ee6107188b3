package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** "Ask leadership" on Home: acked, then the empty ask form (anonymous by default). */
@ApplicationScoped
public class AskOpenAskHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.ackThen(ctx::ack, Clicker.of(req), () -> Answer.open(AskBlocks.askModal(null)));
  }
}
