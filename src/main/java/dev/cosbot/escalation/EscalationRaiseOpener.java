package dev.cosbot.escalation;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.model.view.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Opens the raise form: from {@code /escalate [text]} and from the "Escalate this message" shortcut
 * (prefilled with the message and its permalink). The trigger is only valid for 3 s, so the form
 * opens before the ack.
 */
@ApplicationScoped
public class EscalationRaiseOpener {
  private static final Logger LOG = Logger.getLogger(EscalationRaiseOpener.class);

  @Inject EscalationReads reads;
  @Inject EscalationService service;

  /** The raise form, prefilled: the defined areas and each severity's target in words. */
  View form(EscalationBlocks.Prefill prefill) {
    return EscalationBlocks.raiseModal(prefill, reads.areas(), service.ackSlas());
  }

  /** {@code /escalate [text]}. */
  public SlashCommandHandler command() {
    return (SlashCommandRequest req, SlashCommandContext ctx) -> {
      open(
          ctx,
          req.getPayload().getTriggerId(),
          EscalationBlocks.Prefill.fromText(req.getPayload().getText(), null));
      return ctx.ack();
    };
  }

  /** "Escalate this message". */
  public MessageShortcutHandler shortcut() {
    return (MessageShortcutRequest req, MessageShortcutContext ctx) -> {
      var p = req.getPayload();
      String permalink = null;
      try {
        var answer =
            ctx.client()
                .chatGetPermalink(
                    r -> r.channel(p.getChannel().getId()).messageTs(p.getMessageTs()));
        permalink = answer.isOk() ? answer.getPermalink() : null;
      } catch (Exception e) {
        LOG.warnf("chat.getPermalink failed: %s", e.getMessage());
      }
      String text = p.getMessage() == null ? "" : p.getMessage().getText();
      open(ctx, p.getTriggerId(), EscalationBlocks.Prefill.fromText(text, permalink));
      return ctx.ack();
    };
  }

  private void open(Context ctx, String triggerId, EscalationBlocks.Prefill prefill)
      throws java.io.IOException, com.slack.api.methods.SlackApiException {
    View view = form(prefill);
    var answer = ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(view));
    if (!answer.isOk()) {
      LOG.warnf("views.open for the escalation form failed: %s", answer.getError());
    }
  }
}
