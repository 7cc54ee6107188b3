package dev.cosbot.ask;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.support.UserFacingException;
import java.util.Map;
import java.util.Optional;

/**
 * What every form of questions to leadership shares: the submitter, the state and the signed
 * metadata read once; a refusal replaces the modal with its polite answer; a change that succeeds
 * replaces it with a short confirmation (nothing passes through the outbox, so asking or voting
 * leaves no stored trace of who did it).
 */
abstract class AskForm implements ViewSubmissionHandler {

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    View submitted = req.getPayload().getView();
    try {
      return submit(
          req.getPayload().getUser().getId(),
          ModalState.of(submitted),
          submitted.getPrivateMetadata(),
          ctx);
    } catch (UserFacingException e) {
      return update(ctx, AskBlocks.message(e.getMessage()));
    }
  }

  /** The form's own work; field errors through {@link #error}. */
  abstract Response submit(
      String user, ModalState form, String metadata, ViewSubmissionContext ctx);

  static Response update(ViewSubmissionContext ctx, View view) {
    return ctx.ack(r -> r.responseAction("update").view(view));
  }

  static Response error(ViewSubmissionContext ctx, String blockId, String message) {
    return ctx.ackWithErrors(Map.of(blockId, message));
  }

  /** Too short or too long for a question (asking, rewording). */
  static Optional<String> textProblem(String text) {
    if (text == null || text.strip().length() < AskService.MIN_TEXT) {
      return Optional.of(AskMessages.TOO_SHORT);
    }
    if (text.strip().length() > AskService.MAX_TEXT) {
      return Optional.of(AskMessages.TOO_LONG);
    }
    return Optional.empty();
  }
}
