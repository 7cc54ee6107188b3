package dev.cosbot.pulse;

import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.ModalState;
import jakarta.enterprise.context.ApplicationScoped;

/** The template menu: its questions replace the list, ready to edit. */
@ApplicationScoped
public class PulsePickTemplateHandler extends PulseBuilderAction {
  @Override
  Next next(PulseForm.Builder builder, ModalState state, Clicker clicker) {
    var questions = PulseQuestions.template(state.option(PulseIds.TEMPLATE));
    return questions.isEmpty()
        ? new Next(builder, null)
        : new Next(new PulseForm.Builder(questions), null);
  }
}
