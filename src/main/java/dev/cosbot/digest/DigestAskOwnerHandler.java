package dev.cosbot.digest;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** "Ask owner for detail": acked at once; the owner is asked and the reader told right after. */
@ApplicationScoped
public class DigestAskOwnerHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject DigestActions actions;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker ->
            Answer.say(DigestMessages.asked(actions.askOwner(clicker.userId(), clicker.value()))));
  }
}
