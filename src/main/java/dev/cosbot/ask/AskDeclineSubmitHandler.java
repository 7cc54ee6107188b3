package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/** The decline form: a reason is required; the asker is sent it through a sealed note. */
@ApplicationScoped
public class AskDeclineSubmitHandler extends AskModerationForm {

  @Override
  Response moderate(Caller caller, long id, ModalState form, ViewSubmissionContext ctx) {
    String reason = form.text(AskIds.Blocks.REASON);
    if (reason == null) {
      return error(ctx, AskIds.Blocks.REASON, AskMessages.REASON_NEEDED);
    }
    questions.decline(caller, id, reason);
    return ctx.ack();
  }
}
