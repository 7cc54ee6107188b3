package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The ask form: length and hourly limit checked in place, then the question goes to review. */
@ApplicationScoped
public class AskSubmitHandler extends AskForm {
  @Inject AskService questions;

  @Override
  Response submit(String user, ModalState form, String metadata, ViewSubmissionContext ctx) {
    String text = form.text(AskIds.Blocks.QUESTION);
    Optional<String> problem = textProblem(text);
    if (problem.isPresent()) {
      return error(ctx, AskIds.Blocks.QUESTION, problem.get());
    }
    if (questions.overHourlyLimit(user)) {
      return error(ctx, AskIds.Blocks.QUESTION, AskMessages.OVER_LIMIT);
    }
    boolean named = form.options(AskIds.Blocks.NAMED).contains(AskBlocks.NAMED);
    questions.ask(user, text, named);
    return update(ctx, AskBlocks.sentView(named));
  }
}
