package dev.cosbot.decision;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.ingress.PrivateReplies;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The confirmation of a choice: its signed metadata names the decision and option (or the option
 * comes from the form's list); recorded once, and the decider is told it is done.
 */
@ApplicationScoped
public class DecisionChooseSubmitHandler implements ViewSubmissionHandler {
  @Inject DecisionService decisions;
  @Inject Roles roles;
  @Inject SignedMetadata signer;
  @Inject PrivateReplies replies;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Clicker clicker = Clicker.of(req);
    ModalState form = ModalState.of(req.getPayload().getView());
    String[] meta =
        signer.verify(req.getPayload().getView().getPrivateMetadata()).orElse("").split(":");
    long id;
    int index;
    try {
      id = Long.parseLong(meta[0]);
      index = meta.length > 1 ? Integer.parseInt(meta[1]) : -1;
    } catch (NumberFormatException e) {
      return ctx.ackWithErrors(Map.of(DecisionIds.NOTE, DecisionMessages.FORM_CHANGED));
    }
    if (index < 0) {
      String picked = form.option(DecisionIds.CHOICE);
      if (picked == null || !picked.matches("\\d{1,2}")) {
        return ctx.ackWithErrors(Map.of(DecisionIds.CHOICE, DecisionMessages.PICK_OPTION));
      }
      index = Integer.parseInt(picked);
    }
    DecisionService.Outcome outcome =
        decisions.choose(roles.of(clicker.userId()), id, index, form.text(DecisionIds.NOTE));
    if (!(outcome instanceof DecisionService.Outcome.Decided)) {
      return ctx.ackWithErrors(Map.of(DecisionIds.NOTE, DecisionMessages.answer(outcome)));
    }
    replies.tell(clicker, DecisionMessages.answer(outcome));
    return ctx.ack();
  }
}
