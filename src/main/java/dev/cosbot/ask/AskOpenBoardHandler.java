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

/** "Vote on questions": acked, then the board of open questions with this person's votes. */
@ApplicationScoped
public class AskOpenBoardHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject AskViews views;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    Clicker clicker = Clicker.of(req);
    return afterAck.ackThen(ctx::ack, clicker, () -> Answer.open(views.board(clicker.userId())));
  }
}
