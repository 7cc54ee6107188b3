package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * "Reply…" in a Chief of Staff's DM about an anonymous conversation: the thread and the reply form
 * (a tampered value finds no conversation and is told so).
 */
@ApplicationScoped
public class AskCosReplyHandler extends AskButton {
  @Inject AskConversations conversations;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  Answer click(Clicker clicker) {
    long id = signer.id(clicker.value()).orElse(-1);
    return Answer.open(
        AskConversationBlocks.forCos(
            conversations.forCos(roles.of(clicker.userId()), id), signer.signId(id)));
  }
}
