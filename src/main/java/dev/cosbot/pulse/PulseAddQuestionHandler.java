package dev.cosbot.pulse;

import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.ModalState;
import jakarta.enterprise.context.ApplicationScoped;

/** "Add question": the typed question joins the list, or the form says what is missing. */
@ApplicationScoped
public class PulseAddQuestionHandler extends PulseBuilderAction {
  @Override
  Next next(PulseForm.Builder builder, ModalState state, Clicker clicker) {
    PulseForm.Typed typed = PulseForm.typed(state, builder);
    if (typed.problem() != null) {
      return new Next(builder, typed.problem());
    }
    if (typed.question() == null) {
      return new Next(builder, PulseBlocks.TYPE_A_QUESTION);
    }
    return new Next(builder.with(typed.question()), null);
  }
}
