package dev.cosbot.pulse;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The new-survey form: Chiefs of Staff only; field errors in place (no Slack call before the
 * answer); else the survey is created and the form closes. The creator hears how many people it
 * went to once the audience is resolved (a DM from the opened round).
 */
@ApplicationScoped
public class PulseNewSurveySubmitHandler implements ViewSubmissionHandler {
  @Inject PulseService service;
  @Inject PulseModals modals;
  @Inject PulseSettings settings;
  @Inject Roles roles;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String user = req.getPayload().getUser().getId();
    if (!roles.of(user).isAdmin()) {
      return ctx.ackWithErrors(Map.of(PulseIds.TITLE, PulseBlocks.ONLY_CHIEFS_OF_STAFF));
    }
    var builder = modals.builder(req.getPayload().getView().getPrivateMetadata());
    if (builder.isEmpty()) {
      return ctx.ackWithErrors(Map.of(PulseIds.TITLE, PulseBlocks.FORM_CHANGED));
    }
    PulseForm.NewSurveyResult form =
        PulseForm.newSurvey(
            ModalState.of(req.getPayload().getView()),
            builder.get(),
            settings.k(),
            settings.defaultOpen());
    if (!form.errors().isEmpty()) {
      return ctx.ackWithErrors(form.errors());
    }
    service.create(user, form.survey());
    return ctx.ack();
  }
}
