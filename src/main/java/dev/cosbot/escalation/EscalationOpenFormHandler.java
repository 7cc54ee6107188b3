package dev.cosbot.escalation;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.inject.Inject;

/**
 * The card's Resolve and Reassign buttons: acked at once; the form opens if the clicker may act,
 * otherwise they are told privately why not.
 */
abstract class EscalationOpenFormHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject Roles roles;
  @Inject SignedMetadata signer;
  @Inject EscalationService service;

  /** The form for {@code e}. */
  abstract View form(Escalation e);

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker -> {
          EscalationService.Outcome outcome =
              service.actionable(roles.of(clicker.userId()), signer.id(clicker.value()).orElse(-1));
          return outcome instanceof EscalationService.Outcome.Actionable ok
              ? Answer.open(form(ok.escalation()))
              : Answer.say(EscalationNotices.answer(outcome));
        });
  }
}
