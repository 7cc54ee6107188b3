package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.people.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/** "Reply to asker…" on a card: the form to start an anonymous conversation with its asker. */
@ApplicationScoped
public class AskReplyToAskerHandler extends AskCardButton {

  @Override
  Answer onQuestion(Caller caller, AskQuestion q, String meta) {
    return Answer.open(AskConversationBlocks.startFromQuestion(q, signer.sign("q:" + q.id)));
  }
}
