package dev.cosbot.escalation;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The card's Acknowledge button: acked at once, acknowledged right after, answered privately. */
@ApplicationScoped
public class EscalationAckHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject Roles roles;
  @Inject SignedMetadata signer;
  @Inject EscalationService service;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker ->
            Answer.say(
                EscalationNotices.answer(
                    service.acknowledge(
                        roles.of(clicker.userId()), signer.id(clicker.value()).orElse(-1)))));
  }
}
