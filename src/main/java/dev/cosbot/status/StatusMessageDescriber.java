package dev.cosbot.status;

import dev.cosbot.platform.outbox.MessageDescriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Names status messages for the operator: "A status check-in prompt", "The weekly status report".
 */
@ApplicationScoped
public class StatusMessageDescriber implements MessageDescriber {
  private static final Map<String, String> NAMES =
      Map.of(
          "status:prompt:", "A status check-in prompt",
          "status:nudge:", "A status check-in reminder",
          "status:stale:", "A note about an overdue status update",
          "status:report:", "The weekly status report",
          "status:owner:", "The note to an initiative's new owner",
          "status:saved:", "The confirmation of a saved initiative",
          "status:thanks:", "The thank-you for a posted status update",
          "status:ask:", "An ask made in a status update",
          "status:shared:", "A status update posted to its initiative's channel",
          "status:report-share:", "A status report shared to a channel");

  @Override
  public Optional<String> describe(String key) {
    return NAMES.entrySet().stream()
        .filter(e -> key.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
