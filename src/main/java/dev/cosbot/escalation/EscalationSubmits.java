package dev.cosbot.escalation;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import java.util.Map;

/** How a form submission answers: a refusal or "not found" shows on the form, else it closes. */
final class EscalationSubmits {
  private EscalationSubmits() {}

  static Response answer(
      ViewSubmissionContext ctx, EscalationService.Outcome outcome, String block) {
    if (outcome instanceof EscalationService.Outcome.NotFound
        || outcome instanceof EscalationService.Outcome.NotAllowed
        || outcome instanceof EscalationService.Outcome.SameOwner) {
      return ctx.ackWithErrors(Map.of(block, EscalationNotices.answer(outcome)));
    }
    return ctx.ack();
  }
}
