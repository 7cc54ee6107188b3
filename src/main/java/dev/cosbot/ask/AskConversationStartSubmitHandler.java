package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A Chief of Staff's first message to an anonymous writer: of a question (signed {@code q:id} in
 * the metadata) or of another feature's text picked in the form.
 */
@ApplicationScoped
public class AskConversationStartSubmitHandler extends AskForm {
  @Inject AskConversations conversations;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  Response submit(String user, ModalState form, String metadata, ViewSubmissionContext ctx) {
    Caller caller = roles.of(user);
    caller.requireAdmin();
    String text = form.text(AskIds.Blocks.MESSAGE);
    if (text == null) {
      return error(ctx, AskIds.Blocks.MESSAGE, AskMessages.MESSAGE_NEEDED);
    }
    String what =
        signer.verify(metadata).orElseThrow(() -> new UserFacingException(AskMessages.GONE));
    if (what.startsWith("q:")) {
      long id;
      try {
        id = Long.parseLong(what.substring(2));
      } catch (NumberFormatException e) {
        throw new UserFacingException(AskMessages.GONE);
      }
      conversations.startFromQuestion(caller, id, text);
    } else {
      String ref = form.option(AskIds.Blocks.SUBJECT);
      if (ref == null) {
        return error(ctx, AskIds.Blocks.SUBJECT, AskMessages.PICK_COMMENT);
      }
      conversations.startFromSubject(caller, ref, text);
    }
    return update(ctx, AskConversationBlocks.sent(true, false));
  }
}
