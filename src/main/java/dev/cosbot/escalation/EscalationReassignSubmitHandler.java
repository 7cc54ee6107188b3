package dev.cosbot.escalation;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The new-owner form: a person is required; a refusal shows on the form. */
@ApplicationScoped
public class EscalationReassignSubmitHandler implements ViewSubmissionHandler {
  @Inject Roles roles;
  @Inject SignedMetadata signer;
  @Inject EscalationService service;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var view = req.getPayload().getView();
    String user = ModalState.of(view).user(EscalationIds.B_NEW_OWNER);
    if (user == null || !user.matches("[UW][A-Z0-9]{2,20}")) {
      return ctx.ackWithErrors(Map.of(EscalationIds.B_NEW_OWNER, "Please choose the new owner."));
    }
    EscalationService.Outcome outcome =
        service.reassign(
            roles.of(req.getPayload().getUser().getId()),
            signer.id(view.getPrivateMetadata()).orElse(-1),
            user);
    return EscalationSubmits.answer(ctx, outcome, EscalationIds.B_NEW_OWNER);
  }
}
