package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The anonymous writer answers in a conversation, or closes it. */
@ApplicationScoped
public class AskWriterSubmitHandler extends AskForm {
  @Inject AskConversations conversations;
  @Inject SignedMetadata signer;

  @Override
  Response submit(String user, ModalState form, String metadata, ViewSubmissionContext ctx) {
    String text = form.text(AskIds.Blocks.MESSAGE);
    boolean close = form.options(AskIds.Blocks.CLOSE).contains(AskConversationBlocks.CLOSE);
    if (text == null && !close) {
      return error(ctx, AskIds.Blocks.MESSAGE, AskMessages.MESSAGE_OR_CLOSE);
    }
    conversations.writerReply(user, signer.id(metadata).orElse(-1), text, close);
    return update(ctx, AskConversationBlocks.sent(false, close));
  }
}
