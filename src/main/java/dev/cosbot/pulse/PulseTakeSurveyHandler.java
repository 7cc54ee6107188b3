package dev.cosbot.pulse;

import dev.cosbot.ingress.Clicker;
import jakarta.enterprise.context.ApplicationScoped;

/** "Take the survey": opens the answer form of the round the (signed) button names. */
@ApplicationScoped
public class PulseTakeSurveyHandler extends PulseOpenAnswerHandler {
  @Override
  long[] roundAndPreset(Clicker clicker) {
    return new long[] {modals.roundId(clicker.value())};
  }
}
