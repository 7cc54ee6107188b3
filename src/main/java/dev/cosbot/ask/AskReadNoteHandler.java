package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * "Read it" on a sealed note: the conversation or the news about a question, for the one person the
 * note was sealed for; anybody else (or a forged token) is told it isn't for them. Nothing is
 * answered through the outbox and nobody is told the note was opened (no read receipt).
 */
@ApplicationScoped
public class AskReadNoteHandler extends AskButton {
  @Inject AskService questions;
  @Inject AskConversations conversations;
  @Inject SignedMetadata signer;

  @Override
  Answer click(Clicker clicker) {
    String user = clicker.userId();
    Optional<AskConversations.Thread> thread = conversations.forWriter(user, clicker.value());
    if (thread.isPresent()) {
      return Answer.open(
          AskConversationBlocks.forWriter(
              thread.get(), signer.signId(thread.get().conversation().id)));
    }
    return questions
        .note(user, clicker.value())
        .map(n -> Answer.open(AskBlocks.noteView(n, signer.signId(n.question().id))))
        .orElseThrow(() -> new UserFacingException(AskMessages.NOT_YOURS));
  }
}
