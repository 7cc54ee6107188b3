package dev.cosbot.status;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The reply form: an empty reply or an ask that can no longer be answered is refused in place;
 * otherwise the reply goes to the person who asked through the outbox and the form closes.
 */
@ApplicationScoped
public class StatusAskReplySubmitHandler implements ViewSubmissionHandler {
  @Inject SignedMetadata signer;
  @Inject StatusService service;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Clicker clicker = Clicker.of(req);
    var view = req.getPayload().getView();
    Optional<AskRef> ref = signer.verify(view.getPrivateMetadata()).flatMap(AskRef::decode);
    if (ref.isEmpty()) {
      return ctx.ackWithErrors(Map.of(StatusIds.ASK_REPLY, StatusMessages.ASK_GONE));
    }
    String reply = ModalState.of(view).text(StatusIds.ASK_REPLY);
    if (reply == null || reply.isBlank()) {
      return ctx.ackWithErrors(Map.of(StatusIds.ASK_REPLY, StatusMessages.WRITE_REPLY));
    }
    StatusService.AskReplyOutcome outcome =
        service.replyToAsk(ref.get(), clicker.userId(), reply.strip());
    if (outcome != StatusService.AskReplyOutcome.SENT) {
      return ctx.ackWithErrors(Map.of(StatusIds.ASK_REPLY, StatusMessages.askRefusal(outcome)));
    }
    return ctx.ack();
  }
}
