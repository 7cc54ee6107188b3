package dev.cosbot.pulse;

import dev.cosbot.ingress.Clicker;
import jakarta.enterprise.context.ApplicationScoped;

/** A one-question pulse's inline answer: opens the answer form with that answer picked. */
@ApplicationScoped
public class PulseQuickAnswerHandler extends PulseOpenAnswerHandler {
  @Override
  long[] roundAndPreset(Clicker clicker) {
    return modals.quickAnswer(clicker.value()).orElse(new long[] {-1});
  }
}
