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

/** The resolution form: a note is required; a refusal shows on the form. */
@ApplicationScoped
public class EscalationResolveSubmitHandler implements ViewSubmissionHandler {
  @Inject Roles roles;
  @Inject SignedMetadata signer;
  @Inject EscalationService service;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var view = req.getPayload().getView();
    String note = ModalState.of(view).text(EscalationIds.B_RESOLUTION);
    if (note == null) {
      return ctx.ackWithErrors(
          Map.of(EscalationIds.B_RESOLUTION, "Please say how it was resolved."));
    }
    EscalationService.Outcome outcome =
        service.resolve(
            roles.of(req.getPayload().getUser().getId()),
            signer.id(view.getPrivateMetadata()).orElse(-1),
            note);
    return EscalationSubmits.answer(ctx, outcome, EscalationIds.B_RESOLUTION);
  }
}
