package dev.cosbot.status;

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

/** The status update form: field errors in place; its signed metadata names the initiative. */
@ApplicationScoped
public class StatusUpdateSubmitHandler implements ViewSubmissionHandler {
  @Inject StatusService service;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var view = req.getPayload().getView();
    var parsed = StatusForms.update(ModalState.of(view));
    if (!parsed.valid()) {
      return ctx.ackWithErrors(StatusBlocks.fieldErrors(parsed.problems()));
    }
    long id = signer.id(view.getPrivateMetadata()).orElse(-1);
    if (id < 0) {
      return ctx.ackWithErrors(Map.of(StatusIds.SUMMARY, StatusMessages.FORM_GONE));
    }
    Clicker clicker = Clicker.of(req);
    try {
      service.submit(roles.of(clicker.userId()), id, parsed.form());
      return ctx.ack();
    } catch (StatusRefusal e) {
      return ctx.ackWithErrors(StatusBlocks.fieldError(e, StatusField.SUMMARY));
    }
  }
}
