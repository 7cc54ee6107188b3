package dev.cosbot.decision;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;

/** The "ask the CXO for a decision" form: field errors in place, else the decision is asked. */
@ApplicationScoped
public class DecisionAskSubmitHandler implements ViewSubmissionHandler {
  @Inject DecisionService decisions;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String user = req.getPayload().getUser().getId();
    ModalState form = ModalState.of(req.getPayload().getView());
    String date = form.date(DecisionIds.NEEDED_BY);
    LocalDate neededBy;
    try {
      neededBy = date == null ? null : LocalDate.parse(date);
    } catch (RuntimeException e) {
      neededBy = null;
    }
    DecisionService.Ask ask =
        new DecisionService.Ask(
            form.text(DecisionIds.QUESTION),
            form.text(DecisionIds.CONTEXT),
            form.text(DecisionIds.OPTIONS),
            neededBy,
            form.user(DecisionIds.ABOUT),
            form.text(DecisionIds.LINK));
    Map<String, String> errors = decisions.validate(user, ask);
    if (!errors.isEmpty()) {
      return ctx.ackWithErrors(errors);
    }
    if (decisions.overHourlyLimit(user)) {
      return ctx.ackWithErrors(Map.of(DecisionIds.QUESTION, DecisionMessages.OVER_LIMIT));
    }
    decisions.ask(user, ask);
    return ctx.ack();
  }
}
