package dev.cosbot.escalation;

import dev.cosbot.platform.outbox.MessageDescriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names escalation messages for the operator: "Escalation #4". */
@ApplicationScoped
public class EscalationMessageDescriber implements MessageDescriber {
  private static final Pattern KEY = Pattern.compile("^esc:(\\d+):.*");

  @Override
  public Optional<String> describe(String key) {
    Matcher m = KEY.matcher(key);
    return m.matches() ? Optional.of("Escalation #" + m.group(1)) : Optional.empty();
  }
}
