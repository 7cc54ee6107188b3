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

  /** Keys of {@link DecisionKeys} of the form {@code decision:<id>:<what>…}. */
  private static final Pattern COPY =
      Pattern.compile("^decision:(\\d+):(cxo|delegate|more|reply|copy)(:.*)?$");

  @Override
  public Optional<String> describe(String key) {
    Matcher c = COPY.matcher(key);
    if (c.matches()) {
      String request = "decision request #" + c.group(1);
      return Optional.of(
          switch (c.group(2)) {
            case "cxo" -> "The CXO's copy of " + request;
            case "delegate" -> "The delegate's copy of " + request;
            case "more" -> "A question to the asker of " + request;
            case "reply" -> "The asker's answer on " + request;
            default -> "An update of a copy of " + request;
          });
    }
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
