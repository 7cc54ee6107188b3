package dev.cosbot.ask;

import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** "Record answer…" on a card: the answer form, for a question open for votes. */
@ApplicationScoped
public class AskOpenAnswerHandler extends AskCardButton {
  @ConfigProperty(name = "cosbot.ask.answers-channel")
  Optional<String> answersChannel;

  @Override
  Answer onQuestion(Caller caller, AskQuestion q, String meta) {
    if (q.status != AskStatus.OPEN) {
      throw new UserFacingException(AskMessages.NOT_OPEN);
    }
    return Answer.open(
        AskBlocks.answerModal(q, questions.votes(q.id), answersChannel.orElse(null), meta));
  }
}
