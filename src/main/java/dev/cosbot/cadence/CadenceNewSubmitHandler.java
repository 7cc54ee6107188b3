package dev.cosbot.cadence;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The new-cadence form: field errors in place, else the cadence is created. */
@ApplicationScoped
public class CadenceNewSubmitHandler implements ViewSubmissionHandler {
  @Inject CadenceService cadences;
  @Inject Roles roles;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String userId = req.getPayload().getUser().getId();
    if (!roles.of(userId).isAdmin()) {
      return ctx.ackWithErrors(Map.of(CadenceIds.B_NAME, CadenceBlocks.ONLY_ADMINS_CREATE));
    }
    CadenceForm.Result result =
        CadenceForm.parse(ModalState.of(req.getPayload().getView()), userId, cadences::resolveUser);
    if (!result.ok()) {
      return ctx.ackWithErrors(result.errors());
    }
    return switch (cadences.create(result.draft(), userId)) {
      case NAME_TAKEN ->
          ctx.ackWithErrors(
              Map.of(CadenceIds.B_NAME, CadenceBlocks.nameTaken(result.draft().name())));
      case CREATED -> ctx.ack();
    };
  }
}
