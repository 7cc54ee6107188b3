package dev.cosbot.pulse;

import com.slack.api.model.view.View;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Builds the pulse modals with their ids signed (the builder's state, Remove buttons, the round of
 * an answer form) and reads signed values back; the layout itself is {@link PulseBlocks}'.
 */
@ApplicationScoped
public class PulseModals {
  @Inject SignedMetadata signer;
  @Inject PulseSettings settings;
  @Inject Clock clock;

  /** The new-survey form showing {@code builder}'s questions, and a problem if an add failed. */
  public View newSurvey(PulseForm.Builder builder, String problem) {
    return PulseBlocks.newSurveyModal(
        settings.k(),
        LocalDate.now(clock).toString(),
        builder,
        signer.sign(builder.toMetadata()),
        i -> signer.sign(String.valueOf(i)),
        problem);
  }

  /** The builder state in a form's private_metadata; empty when it was changed outside Slack. */
  public Optional<PulseForm.Builder> builder(String privateMetadata) {
    if (privateMetadata == null || privateMetadata.isBlank()) {
      return Optional.of(PulseForm.Builder.EMPTY);
    }
    return signer.verify(privateMetadata).flatMap(PulseForm.Builder::fromMetadata);
  }

  /** The answer form of a round, with the round's id signed. */
  public View answer(PulseService.Answerable a, Integer preset) {
    return PulseBlocks.answerModal(
        a.survey(),
        a.round(),
        a.survey().questionList(),
        preset,
        a.k(),
        settings.privacyLink().orElse(null),
        signer.signId(a.round().id));
  }

  /** The round id in a signed value; -1 for a tampered or garbled one (answered "not found"). */
  public long roundId(String signed) {
    return signer.id(signed).orElse(-1);
  }

  /** A signed "round:value" of an inline answer button; empty when tampered with. */
  public Optional<long[]> quickAnswer(String signed) {
    return signer
        .verify(signed)
        .flatMap(
            v -> {
              int colon = v.indexOf(':');
              try {
                return colon < 0
                    ? Optional.empty()
                    : Optional.of(
                        new long[] {
                          Long.parseLong(v.substring(0, colon)),
                          Long.parseLong(v.substring(colon + 1))
                        });
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /** A signed question index of a Remove button; -1 when tampered with. */
  public int questionIndex(String signed) {
    return (int) signer.id(signed).orElse(-1);
  }
}
