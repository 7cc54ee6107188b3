package dev.cosbot.decision;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** The Delegate / Ask for more form: its signed metadata names the decision. */
@ApplicationScoped
public class DecisionOutcomeSubmitHandler implements ViewSubmissionHandler {
  @Inject DecisionService decisions;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String user = req.getPayload().getUser().getId();
    ModalState form = ModalState.of(req.getPayload().getView());
    Optional<String> meta = signer.verify(req.getPayload().getView().getPrivateMetadata());
    String[] parts = meta.orElse("").split(":");
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
      return ctx.ackWithErrors(
          Map.of(field, "I can't find that decision. Close this form and press the button again."));
    }
    String note = form.text(DecisionIds.NOTE);
    String to = form.user(DecisionIds.DELEGATE_TO);
    if (delegate && to == null) {
      return ctx.ackWithErrors(
          Map.of(DecisionIds.DELEGATE_TO, "Please pick the person to delegate to."));
    }
    if (!delegate && note == null) {
      return ctx.ackWithErrors(Map.of(DecisionIds.NOTE, "Say what you need to know."));
    }
    if (delegate && to.equals(user)) {
      return ctx.ackWithErrors(
          Map.of(
              DecisionIds.DELEGATE_TO,
              "Pick someone else: Approve or Decline decides it yourself."));
    }
    try {
      decisions.decide(
          roles.of(user),
          id,
          delegate ? DecisionStatus.DELEGATED : DecisionStatus.MORE_INFO,
          note,
          to);
    } catch (UserFacingException e) {
      return ctx.ackWithErrors(Map.of(field, e.getMessage()));
    }
    return ctx.ack();
  }
}
