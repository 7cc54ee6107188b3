package dev.cosbot.status;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.SignedMetadata;
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
    Clicker clicker = Clicker.of(req);
    var view = req.getPayload().getView();
    var parsed =
        StatusForms.initiative(
            ModalState.of(view),
            LocalDate.ofInstant(clock.instant(), people.zoneOf(clicker.userId())));
    if (!parsed.valid()) {
      return ctx.ackWithErrors(StatusBlocks.fieldErrors(parsed.problems()));
    }
    Optional<String> metadata = signer.verify(view.getPrivateMetadata());
    long editId = metadata.map(StatusIds::editedInitiative).orElse(-1L);
    if (metadata.isEmpty() || (!metadata.get().equals(StatusIds.NEW_INITIATIVE) && editId < 0)) {
      return ctx.ackWithErrors(Map.of(StatusIds.NAME, StatusMessages.FORM_GONE));
    }
    // Know the owner (zone, name) before the service's transaction, not from inside it.
    people.get(parsed.form().ownerId());
    Caller caller = roles.of(clicker.userId());
    try {
      if (editId >= 0) {
        service.edit(caller, editId, parsed.form());
      } else {
        service.create(caller, parsed.form());
      }
      return ctx.ack();
    } catch (StatusRefusal e) {
      return ctx.ackWithErrors(StatusBlocks.fieldError(e, StatusField.NAME));
    }
  }
}
