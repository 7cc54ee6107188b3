package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * "Reply…" in a Chief of Staff's DM about an anonymous conversation: acked, then the thread and the
 * reply form (a tampered value finds no conversation and is told so).
 */
@ApplicationScoped
public class AskCosReplyHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject AskConversations conversations;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    Clicker clicker = Clicker.of(req);
    return afterAck.ackThen(
        ctx::ack,
        clicker,
        () -> {
          long id = signer.id(clicker.value()).orElse(-1);
          return Answer.open(
              AskConversationBlocks.forCos(
                  conversations.forCos(roles.of(clicker.userId()), id), signer.signId(id)));
        });
  }
}
