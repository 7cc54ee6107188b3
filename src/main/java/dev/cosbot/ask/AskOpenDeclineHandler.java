package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.people.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/** "Decline…" on a card: the form for the reason the asker is sent. */
@ApplicationScoped
public class AskOpenDeclineHandler extends AskCardButton {

  @Override
  Answer onQuestion(Caller caller, AskQuestion q, String meta) {
    requirePending(q);
    return Answer.open(AskBlocks.declineModal(q, meta));
  }
}
