package dev.cosbot.decision;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The asker's answer: sent to whoever decides now; a refusal shows on the form. */
@ApplicationScoped
public class DecisionReplySubmitHandler implements ViewSubmissionHandler {
  @Inject DecisionService decisions;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Clicker clicker = Clicker.of(req);
    String text = ModalState.of(req.getPayload().getView()).text(DecisionIds.REPLY_TEXT);
    if (text == null) {
      return ctx.ackWithErrors(Map.of(DecisionIds.REPLY_TEXT, DecisionMessages.WRITE_REPLY));
    }
    long id = signer.id(req.getPayload().getView().getPrivateMetadata()).orElse(-1);
    DecisionService.Outcome outcome =
        decisions.reply(roles.of(clicker.userId()), id, text, clicker.actionTs());
    if (outcome instanceof DecisionService.Outcome.Replied) {
      return ctx.ack();
    }
    return ctx.ackWithErrors(Map.of(DecisionIds.REPLY_TEXT, DecisionMessages.answer(outcome)));
  }
}
