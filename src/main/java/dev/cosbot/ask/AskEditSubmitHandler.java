package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/** The rewording form: the new wording goes to the asker, who accepts or keeps theirs. */
@ApplicationScoped
public class AskEditSubmitHandler extends AskModerationForm {

  @Override
  Response moderate(Caller caller, long id, ModalState form, ViewSubmissionContext ctx) {
    String text = form.text(AskIds.Blocks.NEW_TEXT);
    var problem = textProblem(text);
    if (problem.isPresent()) {
      return error(ctx, AskIds.Blocks.NEW_TEXT, problem.get());
    }
    questions.proposeEdit(caller, id, text);
    return ctx.ack();
  }
}
