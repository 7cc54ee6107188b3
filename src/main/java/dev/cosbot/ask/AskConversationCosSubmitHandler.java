package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A Chief of Staff replies in an anonymous conversation; the writer gets a sealed note. */
@ApplicationScoped
public class AskConversationCosSubmitHandler extends AskForm {
  @Inject AskConversations conversations;
  @Inject Roles roles;
  @Inject SignedMetadata signer;

  @Override
  Response submit(String user, ModalState form, String metadata, ViewSubmissionContext ctx) {
    String text = form.text(AskIds.Blocks.MESSAGE);
    if (text == null) {
      roles.of(user).requireAdmin();
      return error(ctx, AskIds.Blocks.MESSAGE, AskMessages.MESSAGE_NEEDED);
    }
    conversations.cosReply(roles.of(user), signer.id(metadata).orElse(-1), text);
    return update(ctx, AskConversationBlocks.sent(true, false));
  }
}
