package dev.cosbot.cadence;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.people.PersonCheck;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** The new-cadence modal (preview and submit) and the checklist buttons on reminders. */
@ApplicationScoped
public class CadenceListeners implements SlackListeners {
  private static final Logger LOG = Logger.getLogger(CadenceListeners.class);

  @Inject CadenceService cadences;
  @Inject Roles roles;
  @Inject PersonCheck people;

  @Override
  public void register(App app) {
    app.viewSubmission(
        CadenceIds.NEW_CALLBACK,
        (req, ctx) -> {
          String userId = req.getPayload().getUser().getId();
          if (!roles.of(userId).isAdmin()) {
            return ctx.ackWithErrors(
                Map.of(CadenceIds.B_NAME, "Only a Chief of Staff can create cadences."));
          }
          CadenceForm.Result result =
              CadenceForm.parse(values(req.getPayload().getView()), userId, cadences::resolveUser);
          if (!result.ok()) {
            return ctx.ackWithErrors(result.errors());
          }
          Map<String, String> unknown = unknownPeople(result.draft());
          if (!unknown.isEmpty()) {
            return ctx.ackWithErrors(unknown);
          }
          try {
            cadences.create(result.draft(), userId);
          } catch (UserFacingException e) {
            return ctx.ackWithErrors(Map.of(CadenceIds.B_NAME, e.getMessage()));
          }
          return ctx.ack();
        });

    app.blockAction(
        CadenceIds.A_PREVIEW,
        (req, ctx) -> {
          View view = req.getPayload().getView();
          String userId = req.getPayload().getUser().getId();
          CadenceForm.Result result =
              CadenceForm.parse(values(view), userId, cadences::resolveUser);
          String preview =
              result.ok()
                  ? CadenceBlocks.preview(
                      result.draft(), result.draft().schedule().next(cadences.now(), 5))
                  : CadenceBlocks.previewProblems(result.errors());
          View updated = CadenceBlocks.newCadenceModal(userId, cadences.zoneOf(userId), preview);
          // Inside the ack window, like views.open: Slack keeps what was typed (same block and
          // action ids).
          var response =
              ctx.client()
                  .viewsUpdate(r -> r.viewId(view.getId()).hash(view.getHash()).view(updated));
          if (!response.isOk()) {
            LOG.warnf("views.update for the cadence preview failed: %s", response.getError());
          }
          return ctx.ack();
        });

    app.blockAction(
        CadenceIds.A_TOGGLE_TASK,
        (req, ctx) -> {
          var payload = req.getPayload();
          String value = payload.getActions().get(0).getValue();
          String[] parts = value == null ? new String[0] : value.split("\\|");
          if (parts.length == 3) {
            String channel =
                payload.getChannel() != null
                    ? payload.getChannel().getId()
                    : payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
            cadences.toggleTask(
                payload.getUser().getId(),
                Long.parseLong(parts[0]),
                Long.parseLong(parts[1]),
                Long.parseLong(parts[2]),
                channel,
                payload.getActions().get(0).getActionTs());
          }
          return ctx.ack();
        });
  }

  /** Block id → the entered value, whatever the element type (multi-selects joined by spaces). */
  static Map<String, String> values(View view) {
    Map<String, String> out = new HashMap<>();
    if (view == null || view.getState() == null || view.getState().getValues() == null) {
      return out;
    }
    for (Map.Entry<String, Map<String, ViewState.Value>> block :
        view.getState().getValues().entrySet()) {
      for (ViewState.Value v : block.getValue().values()) {
        out.put(block.getKey(), text(v));
      }
    }
    return out;
  }

  private static String text(ViewState.Value v) {
    if (v.getValue() != null) {
      return v.getValue();
    }
    if (v.getSelectedDate() != null) {
      return v.getSelectedDate();
    }
    if (v.getSelectedTime() != null) {
      return v.getSelectedTime();
    }
    if (v.getSelectedConversation() != null) {
      return v.getSelectedConversation();
    }
    if (v.getSelectedChannel() != null) {
      return v.getSelectedChannel();
    }
    if (v.getSelectedUser() != null) {
      return v.getSelectedUser();
    }
    if (v.getSelectedUsers() != null) {
      return String.join(" ", v.getSelectedUsers());
    }
    if (v.getSelectedOption() != null) {
      return v.getSelectedOption().getValue();
    }
    List<String> none = List.of();
    return String.join(" ", none);
  }

  /**
   * A field error for a prep task whose DRI, typed as a mention or an id, Slack does not know;
   * asked outside any transaction. (The owner and people come from Slack's own pickers.)
   */
  private Map<String, String> unknownPeople(CadenceDraft draft) {
    java.util.LinkedHashMap<String, String> errors = new java.util.LinkedHashMap<>();
    for (CadenceDraft.Task task : draft.tasks()) {
      if (task.driId() != null && people.exists(task.driId()) == PersonCheck.Known.NO) {
        errors.putIfAbsent(
            CadenceIds.B_CHECKLIST,
            PersonCheck.unknownPerson(task.driId(), "`Send the agenda | @ana | 1d`"));
      }
    }
    return errors;
  }
}
