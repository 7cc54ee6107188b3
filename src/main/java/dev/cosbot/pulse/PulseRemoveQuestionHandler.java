package dev.cosbot.pulse;

import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.ModalState;
import jakarta.enterprise.context.ApplicationScoped;

/** A question's "Remove" button (its index signed): the question leaves the list. */
@ApplicationScoped
public class PulseRemoveQuestionHandler extends PulseBuilderAction {
  @Override
  Next next(PulseForm.Builder builder, ModalState state, Clicker clicker) {
    int index = modals.questionIndex(clicker.value());
    return index < 0
        ? new Next(builder, PulseBlocks.FORM_CHANGED)
        : new Next(builder.without(index), null);
  }
}
