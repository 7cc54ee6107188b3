package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.ingress.Clicker;
import jakarta.enterprise.context.ApplicationScoped;

/** "Ask a question" on Home: the empty ask form (anonymous by default). */
@ApplicationScoped
public class AskOpenAskHandler extends AskButton {

  @Override
  Answer click(Clicker clicker) {
    return Answer.open(AskBlocks.askModal(null));
  }
}
