package dev.cosbot.pulse;

import dev.cosbot.platform.outbox.MessageDescriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Names pulse messages for the operator: "A pulse survey invitation", never a round id. */
@ApplicationScoped
public class PulseMessageDescriber implements MessageDescriber {
  @Override
  public Optional<String> describe(String key) {
    if (key.startsWith("pulse:dm:")) {
      return Optional.of("A pulse survey invitation");
    }
    if (key.startsWith("pulse:remind:")) {
      return Optional.of("A pulse survey reminder");
    }
    if (key.startsWith("pulse:results:")) {
      return Optional.of("The results of a pulse survey");
    }
    if (key.startsWith("chart:")) {
      return Optional.of("The chart of a pulse survey's results");
    }
    return Optional.empty();
  }
}
