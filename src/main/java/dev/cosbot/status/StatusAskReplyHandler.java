package dev.cosbot.status;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** An ask's "Reply…" button: acked at once; the reply form opens after, for its addressee only. */
@ApplicationScoped
public class StatusAskReplyHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject SignedMetadata signer;
  @Inject StatusService service;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker -> {
          Optional<AskRef> ref = signer.verify(clicker.value()).flatMap(AskRef::decode);
          if (ref.isEmpty()) {
            return Answer.say(StatusMessages.ASK_GONE);
          }
          StatusService.AskToReply ask = service.askToReply(ref.get(), clicker.userId());
          if (ask.refusal() != null) {
            return Answer.say(StatusMessages.askRefusal(ask.refusal()));
          }
          return Answer.open(
              StatusBlocks.askReplyModal(clicker.value(), ask.initiative(), ask.update()));
        });
  }
}
