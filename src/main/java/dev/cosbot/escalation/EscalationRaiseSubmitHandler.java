package dev.cosbot.escalation;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The raise form: field errors on the form, else the escalation is raised and routed. */
@ApplicationScoped
public class EscalationRaiseSubmitHandler implements ViewSubmissionHandler {
  @Inject EscalationService service;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    EscalationForm.Result form =
        EscalationForm.parse(req.getPayload().getView().getState().getValues());
    if (!form.errors().isEmpty()) {
      return ctx.ackWithErrors(form.errors());
    }
    String reporter = req.getPayload().getUser().getId();
    if (service.overHourlyLimit(reporter)) {
      return ctx.ackWithErrors(
          java.util.Map.of(
              EscalationIds.B_TITLE,
              "You've raised a lot of escalations in the last hour, so this one can't go out right"
                  + " now. Please try again later, or talk to a Chief of Staff directly."));
    }
    service.raise(reporter, form.draft());
    return ctx.ack();
  }
}
