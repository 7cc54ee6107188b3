package dev.cosbot.decision;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The asker's Reply button under a question about their request: acked, then the form opens. */
@ApplicationScoped
public class DecisionReplyHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject SignedMetadata signer;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker -> {
          long id = signer.id(clicker.value()).orElse(-1);
          Decision d = id < 0 ? null : Decision.findById(id);
          if (d == null) {
            return Answer.say(DecisionMessages.answer(new DecisionService.Outcome.NotFound()));
          }
          if (!clicker.userId().equals(d.askerId)) {
            return Answer.say(DecisionMessages.NOT_ASKER);
          }
          if (!d.undecided()) {
            return Answer.say(DecisionMessages.answer(new DecisionService.Outcome.Already(d)));
          }
          return Answer.open(DecisionViews.replyModal(d, signer));
        });
  }
}
