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

/** The Delegate / Ask for more form: its signed metadata names the decision. */
@ApplicationScoped
public class DecisionOutcomeSubmitHandler implements ViewSubmissionHandler {
  @Inject DecisionService decisions;
  @Inject Roles roles;
  @Inject SignedMetadata signer;
  @Inject PrivateReplies replies;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Clicker clicker = Clicker.of(req);
    String user = clicker.userId();
    ModalState form = ModalState.of(req.getPayload().getView());
    String[] parts =
        signer.verify(req.getPayload().getView().getPrivateMetadata()).orElse("").split(":");
    boolean delegate = DecisionIds.DELEGATE.equals(parts[0]);
    // The form's own blocks say where an error can show, even when the metadata was tampered with.
    String field =
        form.value(DecisionIds.DELEGATE_TO) != null ? DecisionIds.DELEGATE_TO : DecisionIds.NOTE;
    long id;
    try {
      id = parts.length == 2 ? Long.parseLong(parts[1]) : -1;
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (id < 0) {
      return ctx.ackWithErrors(Map.of(field, DecisionMessages.FORM_CHANGED));
    }
    String note = form.text(DecisionIds.NOTE);
    String to = form.user(DecisionIds.DELEGATE_TO);
    if (delegate && to == null) {
      return ctx.ackWithErrors(Map.of(DecisionIds.DELEGATE_TO, DecisionMessages.PICK_DELEGATE));
    }
    if (!delegate && note == null) {
      return ctx.ackWithErrors(Map.of(DecisionIds.NOTE, DecisionMessages.SAY_WHAT));
    }
    if (delegate && to.equals(user)) {
      return ctx.ackWithErrors(Map.of(DecisionIds.DELEGATE_TO, DecisionMessages.PICK_SOMEONE_ELSE));
    }
    DecisionService.Outcome outcome =
        delegate
            ? decisions.delegate(roles.of(user), id, to, note)
            : decisions.askForMore(roles.of(user), id, note, clicker.actionTs());
    if (!(outcome instanceof DecisionService.Outcome.Delegated
        || outcome instanceof DecisionService.Outcome.MoreAsked)) {
      return ctx.ackWithErrors(Map.of(field, DecisionMessages.answer(outcome)));
    }
    replies.tell(clicker, DecisionMessages.answer(outcome));
    return ctx.ack();
  }
}
