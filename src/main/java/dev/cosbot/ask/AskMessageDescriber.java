package dev.cosbot.ask;

import dev.cosbot.platform.outbox.MessageDescriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Names the messages of questions to leadership for the operator ("The review card of a question
 * for leadership"). A sealed note goes only to an anonymous asker or writer, so its recipient is
 * never named in a notice: that alone would tell a Chief of Staff who asked.
 */
@ApplicationScoped
public class AskMessageDescriber implements MessageDescriber {

  @Override
  public Optional<String> describe(String key) {
    if (!key.startsWith("ask:")) {
      return Optional.empty();
    }
    if (key.startsWith(AskIds.noteKey(""))) {
      return Optional.of("A private note to the anonymous writer of a question or conversation");
    }
    if (key.startsWith("ask:card:")) {
      return Optional.of(
          key.matches(".*:v\\d+$")
              ? "An update to the review card of a question for leadership"
              : "The review card of a question for leadership");
    }
    if (key.startsWith("ask:conversation:")) {
      return Optional.of(
          key.endsWith(":closed")
              ? "The notice that an anonymous conversation was closed"
              : "A reply in an anonymous conversation");
    }
    if (key.startsWith("ask:answer:")) {
      return Optional.of("The answer to a question for leadership, for the answers channel");
    }
    return Optional.of("A message about questions for leadership");
  }

  @Override
  public boolean hidesRecipient(String key) {
    return key.startsWith(AskIds.noteKey(""));
  }
}
