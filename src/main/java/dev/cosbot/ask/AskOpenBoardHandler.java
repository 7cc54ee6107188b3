package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** "Vote on questions": the board of open questions with this person's votes ticked. */
@ApplicationScoped
public class AskOpenBoardHandler extends AskButton {
  @Inject AskViews views;

  @Override
  Answer click(Clicker clicker) {
    return Answer.open(views.board(clicker.userId()));
  }
}
