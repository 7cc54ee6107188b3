package dev.cosbot.status;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The new/edit initiative form: field errors in place; its signed metadata says which. */
@ApplicationScoped
public class StatusInitiativeSubmitHandler implements ViewSubmissionHandler {
  @Inject StatusService service;
  @Inject Roles roles;
  @Inject SignedMetadata signer;
  @Inject Clock clock;
  @Inject PeopleDirectory people;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
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
    Optional<String> metadata = signer.verify(payload.getView().getPrivateMetadata());
    long editId = metadata.map(StatusInitiativeSubmitHandler::editId).orElse(-1L);
    if (metadata.isEmpty() || (!metadata.get().equals(StatusIds.NEW_INITIATIVE) && editId < 0)) {
      return ctx.ackWithErrors(
          Map.of(
              StatusIds.NAME, "I can't find that initiative. Close this form and open it again."));
    }
    Caller caller = roles.of(payload.getUser().getId());
    try {
      if (editId >= 0) {
        service.edit(caller, editId, parsed.form());
      } else {
        service.create(caller, parsed.form());
      }
      return ctx.ack();
    } catch (FieldErrors e) {
      return ctx.ackWithErrors(e.errors());
    } catch (UserFacingException e) {
      return ctx.ackWithErrors(Map.of(StatusIds.NAME, e.getMessage()));
    }
  }

  private static long editId(String metadata) {
    if (!metadata.startsWith("edit:")) {
      return -1;
    }
    try {
      return Long.parseLong(metadata.substring(metadata.indexOf(':') + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
