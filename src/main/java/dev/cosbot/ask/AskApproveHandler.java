package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.people.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/** "Approve" on a card: the question opens for up-votes; the cards follow. */
@ApplicationScoped
public class AskApproveHandler extends AskCardButton {

  @Override
  Answer onQuestion(Caller caller, AskQuestion q, String meta) {
    questions.approve(caller, q.id);
    return Answer.NONE;
  }
}
