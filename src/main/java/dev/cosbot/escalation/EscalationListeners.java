package dev.cosbot.escalation;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Thin Bolt listeners: /escalate, the "Escalate this message" shortcut, the modals and the card
 * buttons.
 */
@ApplicationScoped
public class EscalationListeners implements SlackListeners {
  private static final Logger LOG = Logger.getLogger(EscalationListeners.class);

  @Inject EscalationService service;
  @Inject EscalationReads reads;
  @Inject Roles roles;

  @Override
  public void register(App app) {
    app.command(
        EscalationIds.COMMAND,
        (req, ctx) -> {
          openRaise(
              ctx.client(),
              req.getPayload().getTriggerId(),
              EscalationBlocks.Prefill.fromText(req.getPayload().getText(), null));
          return ctx.ack();
        });

    app.messageShortcut(
        EscalationIds.SHORTCUT,
        (req, ctx) -> {
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
          openRaise(
              ctx.client(), p.getTriggerId(), EscalationBlocks.Prefill.fromText(text, permalink));
          return ctx.ack();
        });

    app.viewSubmission(
        EscalationIds.RAISE_VIEW,
        (req, ctx) -> {
          EscalationForm.Result form =
              EscalationForm.parse(req.getPayload().getView().getState().getValues());
          if (!form.errors().isEmpty()) {
            return ctx.ackWithErrors(form.errors());
          }
          service.raise(req.getPayload().getUser().getId(), form.draft());
          return ctx.ack();
        });

    app.blockAction(
        EscalationIds.ACK,
        (req, ctx) -> {
          long id = id(req);
          Caller caller = roles.of(req.getPayload().getUser().getId());
          reply(req, id, caller, () -> service.acknowledge(caller, id));
          return ctx.ack();
        });

    app.blockAction(EscalationIds.RESOLVE, (req, ctx) -> openIfAllowed(req, ctx, true));
    app.blockAction(EscalationIds.REASSIGN, (req, ctx) -> openIfAllowed(req, ctx, false));

    app.viewSubmission(
        EscalationIds.RESOLVE_VIEW,
        (req, ctx) -> {
          long id = Long.parseLong(req.getPayload().getView().getPrivateMetadata());
          String note =
              EscalationForm.text(
                  req.getPayload().getView().getState().getValues(), EscalationIds.B_RESOLUTION);
          if (note.isEmpty()) {
            return ctx.ackWithErrors(
                Map.of(EscalationIds.B_RESOLUTION, "Please say how it was resolved."));
          }
          try {
            service.resolve(roles.of(req.getPayload().getUser().getId()), id, note);
          } catch (UserFacingException e) {
            return ctx.ackWithErrors(Map.of(EscalationIds.B_RESOLUTION, e.getMessage()));
          }
          return ctx.ack();
        });

    app.viewSubmission(
        EscalationIds.REASSIGN_VIEW,
        (req, ctx) -> {
          long id = Long.parseLong(req.getPayload().getView().getPrivateMetadata());
          var block =
              req.getPayload().getView().getState().getValues().get(EscalationIds.B_NEW_OWNER);
          String user =
              block == null || block.get(EscalationIds.INPUT) == null
                  ? null
                  : block.get(EscalationIds.INPUT).getSelectedUser();
          if (user == null) {
            return ctx.ackWithErrors(
                Map.of(EscalationIds.B_NEW_OWNER, "Please choose the new owner."));
          }
          try {
            service.reassign(roles.of(req.getPayload().getUser().getId()), id, user);
          } catch (UserFacingException e) {
            return ctx.ackWithErrors(Map.of(EscalationIds.B_NEW_OWNER, e.getMessage()));
          }
          return ctx.ack();
        });
  }

  private Response openIfAllowed(BlockActionRequest req, ActionContext ctx, boolean resolve)
      throws java.io.IOException, com.slack.api.methods.SlackApiException {
    long id = id(req);
    Caller caller = roles.of(req.getPayload().getUser().getId());
    Escalation e;
    try {
      e = service.actionable(caller, id);
    } catch (UserFacingException refused) {
      reply(
          req,
          id,
          caller,
          () -> {
            throw refused;
          });
      return ctx.ack();
    }
    View view =
        resolve
            ? EscalationBlocks.resolveModal(id, e.title)
            : EscalationBlocks.reassignModal(id, e.title);
    var answer =
        ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId()).view(view));
    if (!answer.isOk()) {
      LOG.warnf("views.open for escalation #%d failed: %s", id, answer.getError());
    }
    return ctx.ack();
  }

  /**
   * Runs an action; its answer or a polite refusal goes to the clicker only, as an ephemeral
   * message.
   */
  private void reply(
      BlockActionRequest req, long id, Caller caller, java.util.function.Supplier<String> action) {
    String text;
    try {
      text = action.get();
    } catch (UserFacingException e) {
      text = e.getMessage();
    }
    var p = req.getPayload();
    String channel =
        p.getContainer() != null && p.getContainer().getChannelId() != null
            ? p.getContainer().getChannelId()
            : p.getChannel() != null ? p.getChannel().getId() : caller.userId();
    var clicked = p.getActions().get(0);
    service.refuse(
        "esc:"
            + id
            + ":reply:"
            + clicked.getActionId()
            + ":"
            + caller.userId()
            + ":"
            + clicked.getActionTs(),
        channel,
        caller.userId(),
        text);
  }

  private void openRaise(MethodsClient client, String triggerId, EscalationBlocks.Prefill prefill)
      throws java.io.IOException, com.slack.api.methods.SlackApiException {
    View view = EscalationBlocks.raiseModal(prefill, reads.areas());
    var answer = client.viewsOpen(r -> r.triggerId(triggerId).view(view));
    if (!answer.isOk()) {
      LOG.warnf("views.open for the escalation form failed: %s", answer.getError());
    }
  }

  private static long id(BlockActionRequest req) {
    try {
      return Long.parseLong(req.getPayload().getActions().get(0).getValue());
    } catch (RuntimeException e) {
      return -1; // a tampered or garbled value: the service answers "I can't find escalation"
      // politely
    }
  }
}
