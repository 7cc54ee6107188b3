package dev.cosbot.pulse;

import com.google.gson.JsonObject;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.ModalState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer form: field errors in place, else the answer is sealed and the form turns into a thank
 * you (or a polite refusal). Logs nothing about who answered what; everyone gets the same kind of
 * acknowledgement.
 */
@ApplicationScoped
public class PulseAnswerSubmitHandler implements ViewSubmissionHandler {
  @Inject PulseService service;
  @Inject PulseModals modals;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String user = req.getPayload().getUser().getId();
    long roundId = modals.roundId(req.getPayload().getView().getPrivateMetadata());
    View reply;
    try {
      PulseService.Answerable a = service.answerable(roundId, user);
      Map<String, String> errors = new LinkedHashMap<>();
      JsonObject answers =
          PulseForm.answers(
              a.survey().questionList(), ModalState.of(req.getPayload().getView()), errors);
      if (!errors.isEmpty()) {
        return ctx.ackWithErrors(errors);
      }
      service.recordAnswer(roundId, user, answers);
      reply = PulseBlocks.thanks(a.survey(), a.round());
    } catch (PulseRefused e) {
      reply = PulseBlocks.notice(e.getMessage());
    }
    View view = reply;
    return ctx.ack(r -> r.responseAction("update").view(view));
  }
}
