package dev.cosbot.status;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The status modals' submissions and the "Post update" button. Thin: parse, check, call the
 * service, ack.
 */
@ApplicationScoped
public class StatusListeners implements SlackListeners {
  private static final Logger LOG = Logger.getLogger(StatusListeners.class);

  @Inject StatusService service;
  @Inject Roles roles;
  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject PeopleDirectory people;

  @Override
  public void register(App app) {
    app.viewSubmission(
        StatusIds.INITIATIVE_MODAL,
        (req, ctx) -> {
          var payload = req.getPayload();
          var parsed =
              StatusForms.initiative(
                  payload.getView().getState().getValues(),
                  LocalDate.ofInstant(clock.instant(), people.zoneOf(payload.getUser().getId())));
          if (!parsed.valid()) {
            return ctx.ackWithErrors(parsed.errors());
          }
          // Know the owner (zone, name) before the service's transaction, not from inside it.
          people.get(parsed.form().ownerId());
          Caller caller = roles.of(payload.getUser().getId());
          String metadata = payload.getView().getPrivateMetadata();
          try {
            Initiative i =
                metadata != null && metadata.startsWith("edit:")
                    ? service.edit(caller, Long.parseLong(metadata.substring(5)), parsed.form())
                    : service.create(caller, parsed.form());
            LOG.debugf("Initiative %d saved by %s", i.id, caller.userId());
            return ctx.ack();
          } catch (FieldErrors e) {
            return ctx.ackWithErrors(e.errors());
          } catch (UserFacingException e) {
            return ctx.ackWithErrors(Map.of(StatusIds.NAME, e.getMessage()));
          }
        });
    app.viewSubmission(
        StatusIds.UPDATE_MODAL,
        (req, ctx) -> {
          var payload = req.getPayload();
          var parsed = StatusForms.update(payload.getView().getState().getValues());
          if (!parsed.valid()) {
            return ctx.ackWithErrors(parsed.errors());
          }
          Caller caller = roles.of(payload.getUser().getId());
          try {
            service.submit(
                caller, Long.parseLong(payload.getView().getPrivateMetadata()), parsed.form());
            return ctx.ack();
          } catch (UserFacingException e) {
            return ctx.ackWithErrors(Map.of(StatusIds.SUMMARY, e.getMessage()));
          }
        });
    app.blockAction(
        StatusIds.POST_UPDATE_ACTION,
        (req, ctx) -> {
          var payload = req.getPayload();
          try {
            Caller caller = roles.of(payload.getUser().getId());
            Initiative i = service.get(Long.parseLong(payload.getActions().get(0).getValue()));
            StatusService.requireUpdater(caller, i);
            var view =
                StatusBlocks.updateModal(i, service.last(i).orElse(null), String.valueOf(i.id));
            var response =
                ctx.client().viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(view));
            if (!response.isOk()) {
              LOG.warnf("views.open for a status update failed: %s", response.getError());
            }
          } catch (UserFacingException e) {
            outbox.send(
                SlackCalls.postMessage(
                    "status:refused:" + payload.getTriggerId(),
                    payload.getUser().getId(),
                    e.getMessage(),
                    null));
          }
          return ctx.ack();
        });
  }
}
