package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.people.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/** "Suggest wording…" on a card: the form for a rewording the asker must accept. */
@ApplicationScoped
public class AskOpenEditHandler extends AskCardButton {

  @Override
  Answer onQuestion(Caller caller, AskQuestion q, String meta) {
    requirePending(q);
    return Answer.open(AskBlocks.editModal(q, meta));
  }
}
