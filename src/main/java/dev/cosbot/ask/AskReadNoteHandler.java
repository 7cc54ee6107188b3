package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * "Open" on a sealed note: acked, then the conversation or the news about a question, for the one
 * person the note was sealed for; anybody else (or a forged token) is told it isn't for them.
 * Nothing is answered through the outbox, so opening leaves no stored trace.
 */
@ApplicationScoped
public class AskReadNoteHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject AskService questions;
  @Inject AskConversations conversations;
  @Inject SignedMetadata signer;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    Clicker clicker = Clicker.of(req);
    return afterAck.ackThen(ctx::ack, clicker, () -> open(clicker.userId(), clicker.value()));
  }

  private Answer open(String user, String token) {
    Optional<AskConversations.Thread> thread = conversations.forWriter(user, token);
    if (thread.isPresent()) {
      return Answer.open(
          AskConversationBlocks.forWriter(
              thread.get(), signer.signId(thread.get().conversation().id)));
    }
    return questions
        .note(user, token)
        .map(n -> Answer.open(AskBlocks.noteView(n, signer.signId(n.question().id))))
        .orElseThrow(() -> new UserFacingException(AskMessages.NOT_YOURS));
  }
}
