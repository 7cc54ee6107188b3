package dev.cosbot.decision;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An option button (or "Choose…", or an old Approve / Decline): acked at once; the confirmation
 * opens if the clicker decides this request, else they are told why not.
 */
@ApplicationScoped
public class DecisionChooseHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject DecisionClickGuard guard;
  @Inject SignedMetadata signer;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker ->
            guard.formFor(
                req,
                clicker.userId(),
                (d, click) -> DecisionViews.confirmModal(d, index(clicker, click, d), signer)));
  }

  /** The option clicked; -1 lets the form list them all. */
  private static int index(Clicker clicker, DecisionClickGuard.Click click, Decision d) {
    int index = click.index();
    if (DecisionIds.APPROVE.equals(clicker.actionId())) {
      index = d.hasOptions() ? -1 : 0;
    } else if (DecisionIds.DECLINE.equals(clicker.actionId())) {
      index = d.hasOptions() ? -1 : 1;
    }
    return index >= 0 && index < d.choices().size() ? index : -1;
  }
}
