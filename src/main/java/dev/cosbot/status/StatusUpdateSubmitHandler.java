package dev.cosbot.status;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
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
    var payload = req.getPayload();
    var parsed = StatusForms.update(payload.getView().getState().getValues());
    if (!parsed.valid()) {
      return ctx.ackWithErrors(parsed.errors());
    }
    long id = signer.id(payload.getView().getPrivateMetadata()).orElse(-1);
    if (id < 0) {
      return ctx.ackWithErrors(
          Map.of(
              StatusIds.SUMMARY,
              "I can't find that initiative. Close this form and open it again."));
    }
    try {
      service.submit(roles.of(payload.getUser().getId()), id, parsed.form());
      return ctx.ack();
    } catch (UserFacingException e) {
      return ctx.ackWithErrors(Map.of(StatusIds.SUMMARY, e.getMessage()));
    }
  }
}
