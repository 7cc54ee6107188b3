package dev.cosbot.cadence;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.ModalState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The form's "Preview next 5" button: the modal is redrawn with the next occurrences. Nothing is
 * stored, so there is no work to defer: one views.update inside the ack window, where Slack keeps
 * what was typed (same block and action ids).
 */
@ApplicationScoped
public class CadencePreviewHandler implements BlockActionHandler {
  private static final Logger LOG = Logger.getLogger(CadencePreviewHandler.class);

  @Inject CadenceService cadences;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx)
      throws java.io.IOException, com.slack.api.methods.SlackApiException {
    View view = req.getPayload().getView();
    String userId = req.getPayload().getUser().getId();
    CadenceForm.Result result =
        CadenceForm.parse(ModalState.of(view), userId, cadences::resolveUser);
    String preview =
        result.ok()
            ? CadenceBlocks.preview(
                result.draft(), result.draft().schedule().next(cadences.now(), 5))
            : CadenceBlocks.previewProblems(result.errors());
    View updated =
        CadenceBlocks.newCadenceModal(userId, cadences.zoneOf(userId), preview, cadences.now());
    var response =
        ctx.client().viewsUpdate(r -> r.viewId(view.getId()).hash(view.getHash()).view(updated));
    if (!response.isOk()) {
      LOG.warnf("views.update for the cadence preview failed: %s", response.getError());
    }
    return ctx.ack();
  }
}
