package dev.cosbot.cadence;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.PersonCheck;
import dev.cosbot.platform.people.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The new-cadence form: field errors in place, else the cadence is created. */
@ApplicationScoped
public class CadenceNewSubmitHandler implements ViewSubmissionHandler {
  @Inject CadenceService cadences;
  @Inject Roles roles;
  @Inject PersonCheck people;

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
    Map<String, String> unknown = unknownDris(result.draft());
    if (!unknown.isEmpty()) {
      return ctx.ackWithErrors(unknown);
    }
    return switch (cadences.create(result.draft(), userId)) {
      case NAME_TAKEN ->
          ctx.ackWithErrors(
              Map.of(CadenceIds.B_NAME, CadenceBlocks.nameTaken(result.draft().name())));
      case CREATED -> ctx.ack();
    };
  }

  /**
   * A field error for a prep task whose DRI, typed as a mention or an id, Slack does not know;
   * asked outside any transaction. (The owner and people come from Slack's own pickers.)
   */
  private Map<String, String> unknownDris(CadenceDraft draft) {
    for (CadenceDraft.Task task : draft.tasks()) {
      if (task.driId() != null && people.exists(task.driId()) == PersonCheck.Known.NO) {
        return Map.of(
            CadenceIds.B_CHECKLIST,
            PersonCheck.unknownPerson(task.driId(), "`Send the agenda | @ana | 1d`"));
      }
    }
    return Map.of();
  }
}
