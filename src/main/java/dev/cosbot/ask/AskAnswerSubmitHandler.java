package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The answer form: text or a link (checked), posted to the asker and to a channel. */
@ApplicationScoped
public class AskAnswerSubmitHandler extends AskModerationForm {

  @Override
  Response moderate(Caller caller, long id, ModalState form, ViewSubmissionContext ctx) {
    String answer = form.text(AskIds.Blocks.ANSWER_TEXT);
    String link = form.text(AskIds.Blocks.ANSWER_LINK);
    if (answer == null && link == null) {
      return error(ctx, AskIds.Blocks.ANSWER_TEXT, AskMessages.ANSWER_NEEDED);
    }
    if (link != null && !link.matches("(?i)https?://[^\\s<>|]+")) {
      return error(ctx, AskIds.Blocks.ANSWER_LINK, AskMessages.BAD_LINK);
    }
    questions.answer(
        caller,
        id,
        answer,
        link,
        Optional.ofNullable(form.conversation(AskIds.Blocks.ANSWER_CHANNEL)));
    return ctx.ack();
  }
}
