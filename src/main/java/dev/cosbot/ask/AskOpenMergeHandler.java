package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.people.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/** "Merge…" on a card: the form to merge a waiting question into another. */
@ApplicationScoped
public class AskOpenMergeHandler extends AskCardButton {

  @Override
  Answer onQuestion(Caller caller, AskQuestion q, String meta) {
    requirePending(q);
    return Answer.open(AskBlocks.mergeModal(q, questions.mergeTargets(q.id), meta));
  }
}
