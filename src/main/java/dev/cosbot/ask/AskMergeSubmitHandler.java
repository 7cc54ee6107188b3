package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;

/** The merge form: the question joins the one picked (its votes and asker follow). */
@ApplicationScoped
public class AskMergeSubmitHandler extends AskModerationForm {

  @Override
  Response moderate(Caller caller, long id, ModalState form, ViewSubmissionContext ctx) {
    String into = form.option(AskIds.Blocks.MERGE_INTO);
    if (into == null) {
      return error(ctx, AskIds.Blocks.MERGE_INTO, AskMessages.PICK_ONE);
    }
    long intoId;
    try {
      intoId = Long.parseLong(into);
    } catch (NumberFormatException e) {
      throw new UserFacingException(AskMessages.MERGE_TARGET_GONE);
    }
    questions.merge(caller, id, intoId);
    return ctx.ack();
  }
}
