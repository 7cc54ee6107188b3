package dev.cosbot.decision;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.DigestIds;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Slack side of decisions: the ask modal, the four buttons on a digest line and the outcome modal.
 * Thin.
 */
@ApplicationScoped
public class DecisionListeners implements SlackListeners {
  private static final Logger LOG = Logger.getLogger(DecisionListeners.class);

  @Inject DecisionService decisions;
  @Inject Roles roles;
  @Inject Outbox outbox;

  @Override
  public void register(App app) {
    app.viewSubmission(
        DecisionIds.ASK_CALLBACK,
        (req, ctx) -> {
          String user = req.getPayload().getUser().getId();
          Map<String, Map<String, ViewState.Value>> values =
              req.getPayload().getView().getState().getValues();
          String date = selected(values, DecisionIds.NEEDED_BY, true);
          LocalDate neededBy;
          try {
            neededBy = date == null ? null : LocalDate.parse(date);
          } catch (RuntimeException e) {
            neededBy = null;
          }
          DecisionService.Ask ask =
              new DecisionService.Ask(
                  text(values, DecisionIds.QUESTION),
                  text(values, DecisionIds.CONTEXT),
                  text(values, DecisionIds.OPTIONS),
                  neededBy,
                  selected(values, DecisionIds.ABOUT, false),
                  text(values, DecisionIds.LINK));
          Map<String, String> errors = decisions.validate(user, ask);
          if (!errors.isEmpty()) {
            return ctx.ackWithErrors(errors);
          }
          decisions.ask(user, ask);
          return ctx.ack();
        });

    app.blockAction(
        DecisionIds.APPROVE, (req, ctx) -> choose(req.getPayload(), ctx, DecisionStatus.APPROVED));
    app.blockAction(
        DecisionIds.DECLINE, (req, ctx) -> choose(req.getPayload(), ctx, DecisionStatus.DECLINED));
    app.blockAction(
        DecisionIds.DELEGATE,
        (req, ctx) -> openOutcome(req.getPayload(), ctx, DecisionIds.DELEGATE));
    app.blockAction(
        DecisionIds.MORE, (req, ctx) -> openOutcome(req.getPayload(), ctx, DecisionIds.MORE));

    app.viewSubmission(
        DecisionIds.OUTCOME_CALLBACK,
        (req, ctx) -> {
          String user = req.getPayload().getUser().getId();
          String[] meta = req.getPayload().getView().getPrivateMetadata().split(":");
          Map<String, Map<String, ViewState.Value>> values =
              req.getPayload().getView().getState().getValues();
          boolean delegate = DecisionIds.DELEGATE.equals(meta[0]);
          String note = text(values, DecisionIds.NOTE);
          String to = selected(values, DecisionIds.DELEGATE_TO, false);
          if (delegate && to == null) {
            return ctx.ackWithErrors(
                Map.of(DecisionIds.DELEGATE_TO, "Please pick the person to delegate to."));
          }
          if (!delegate && (note == null || note.isBlank())) {
            return ctx.ackWithErrors(Map.of(DecisionIds.NOTE, "Say what you need to know."));
          }
          if (delegate && to.equals(user)) {
            return ctx.ackWithErrors(
                Map.of(
                    DecisionIds.DELEGATE_TO,
                    "Pick someone else: Approve or Decline decides it yourself."));
          }
          try {
            decisions.decide(
                roles.of(user),
                Long.parseLong(meta[1]),
                delegate ? DecisionStatus.DELEGATED : DecisionStatus.MORE_INFO,
                note,
                to);
          } catch (UserFacingException e) {
            return ctx.ackWithErrors(
                Map.of(delegate ? DecisionIds.DELEGATE_TO : DecisionIds.NOTE, e.getMessage()));
          }
          return ctx.ack();
        });
  }

  private Response choose(BlockActionPayload payload, ActionContext ctx, DecisionStatus outcome) {
    BlockActionPayload.Action action = payload.getActions().get(0);
    String user = payload.getUser().getId();
    String answer;
    try {
      Caller caller = checked(payload);
      answer = decisions.decide(caller, Long.parseLong(action.getValue()), outcome, null, null);
    } catch (UserFacingException e) {
      answer = e.getMessage();
    }
    tell(payload, action, answer);
    return ctx.ack();
  }

  private Response openOutcome(BlockActionPayload payload, ActionContext ctx, String which)
      throws java.io.IOException, com.slack.api.methods.SlackApiException {
    BlockActionPayload.Action action = payload.getActions().get(0);
    try {
      checked(payload);
      Decision d = load(Long.parseLong(action.getValue()));
      if (d.status != DecisionStatus.OPEN) {
        throw new UserFacingException(
            "Decision #" + d.id + " was already recorded: " + d.status.label().toLowerCase() + ".");
      }
      var response =
          ctx.client()
              .viewsOpen(
                  r ->
                      r.triggerId(payload.getTriggerId())
                          .view(DecisionViews.outcomeModal(which, d)));
      if (!response.isOk()) {
        LOG.warnf("views.open for decision #%s failed: %s", action.getValue(), response.getError());
        throw new UserFacingException(
            "Sorry, I couldn't open the form. Please press the button again.");
      }
    } catch (UserFacingException e) {
      tell(payload, action, e.getMessage());
    }
    return ctx.ack();
  }

  /** Only the CXO, and only in their own digest (a preview's buttons do nothing). */
  private Caller checked(BlockActionPayload payload) {
    String reader = DigestIds.readerOf(payload.getActions().get(0).getBlockId());
    if (DigestIds.PREVIEW_READER.equals(reader)) {
      throw new UserFacingException("This is a preview: its buttons do nothing.");
    }
    Caller caller = roles.of(payload.getUser().getId());
    decisions.requireDecider(caller);
    return caller;
  }

  @Transactional
  Decision load(long id) {
    Decision d = Decision.findById(id);
    if (d == null) {
      throw new UserFacingException("I can't find decision #" + id + ".");
    }
    return d;
  }

  private void tell(BlockActionPayload payload, BlockActionPayload.Action action, String text) {
    String user = payload.getUser().getId();
    String channel = payload.getChannel() != null ? payload.getChannel().getId() : user;
    outbox.send(
        SlackCalls.postEphemeral(
            "decision-click:"
                + action.getActionId()
                + ":"
                + action.getValue()
                + ":"
                + user
                + ":"
                + payload.getTriggerId(),
            channel,
            user,
            text,
            null));
  }

  private static String text(Map<String, Map<String, ViewState.Value>> values, String id) {
    ViewState.Value v = values.getOrDefault(id, Map.of()).get(id);
    return v == null ? null : v.getValue();
  }

  private static String selected(
      Map<String, Map<String, ViewState.Value>> values, String id, boolean date) {
    ViewState.Value v = values.getOrDefault(id, Map.of()).get(id);
    if (v == null) {
      return null;
    }
    return date ? v.getSelectedDate() : v.getSelectedUser();
  }
}
