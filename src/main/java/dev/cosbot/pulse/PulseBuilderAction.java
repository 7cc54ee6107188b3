package dev.cosbot.pulse;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.slack.SlackSdk;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * A click inside the question builder (add, remove, pick a template): acked at once, then the form
 * is redrawn with views.update on the worker pool. Slack keeps what was typed in the other fields
 * (same block and action ids); the "new question" inputs change their block ids so they come back
 * empty. No database, no transaction: the builder's state lives in the form's signed metadata.
 */
abstract class PulseBuilderAction implements BlockActionHandler {
  private static final Logger LOG = Logger.getLogger(PulseBuilderAction.class);

  /** The builder after the click, and a problem to show (null: none). */
  record Next(PulseForm.Builder builder, String problem) {}

  @Inject PulseModals modals;
  @Inject SlackSdk slack;
  @Inject ManagedExecutor executor;

  /** What the click does to the builder. */
  abstract Next next(PulseForm.Builder builder, ModalState state, Clicker clicker);

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    View view = req.getPayload().getView();
    if (view == null) {
      return ctx.ack();
    }
    Clicker clicker = Clicker.of(req);
    Next next =
        modals
            .builder(view.getPrivateMetadata())
            .map(b -> next(b, ModalState.of(view), clicker))
            .orElse(new Next(PulseForm.Builder.EMPTY, PulseBlocks.FORM_CHANGED));
    View updated = modals.newSurvey(next.builder(), next.problem());
    executor.execute(() -> update(view.getId(), view.getHash(), updated));
    return ctx.ack();
  }

  private void update(String viewId, String hash, View updated) {
    try {
      var response = slack.methods().viewsUpdate(r -> r.viewId(viewId).hash(hash).view(updated));
      if (!response.isOk()) {
        // hash_conflict: a newer click already redrew the form; it stays as that one left it.
        LOG.debugf("views.update of the survey form: %s", response.getError());
      }
    } catch (Exception e) {
      LOG.warnf("views.update of the survey form failed: %s", e.getClass().getSimpleName());
    }
  }
}
