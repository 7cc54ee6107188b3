package dev.cosbot.decision;

import dev.cosbot.platform.outbox.MessageDescriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names decision messages for the operator: "Decision request #7", "The answer to …". */
@ApplicationScoped
public class DecisionMessageDescriber implements MessageDescriber {
  private static final Pattern KEY =
      Pattern.compile("^decision-(asked|outcome|delegated|overdue):(\\d+)(:.*)?$");

  @Override
  public Optional<String> describe(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      return Optional.empty();
    }
    String request = "decision request #" + m.group(2);
    return Optional.of(
        switch (m.group(1)) {
          case "asked" -> "Decision request #" + m.group(2);
          case "outcome" -> "The answer to " + request;
          case "delegated" -> "The hand-over note of " + request;
          default -> "The overdue reminder of " + request;
        });
  }
}
