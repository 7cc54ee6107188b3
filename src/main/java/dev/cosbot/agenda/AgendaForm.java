package dev.cosbot.agenda;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.Meeting;
import dev.cosbot.platform.spi.Meetings;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * What both agenda forms share: the caller and the state read once, the meeting found from the
 * signed metadata (a tampered one finds none and gets the polite answer in place of the form).
 */
abstract class AgendaForm implements ViewSubmissionHandler {
  @Inject AgendaService agendas;
  @Inject Instance<Meetings> meetings;
  @Inject Roles roles;
  @Inject SignedMetadata signer;
  @Inject Clock clock;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    View view = req.getPayload().getView();
    try {
      return submit(
          roles.of(req.getPayload().getUser().getId()),
          ModalState.of(view),
          view.getPrivateMetadata(),
          ctx);
    } catch (UserFacingException e) {
      return update(ctx, e.getMessage());
    }
  }

  abstract Response submit(
      Caller caller, ModalState form, String metadata, ViewSubmissionContext ctx);

  /** The next occurrence of the meeting whose id is signed in {@code metadata}. */
  Meeting byId(String metadata) {
    long id = signer.id(metadata).orElse(-1);
    return meetings
        .get()
        .next(id, clock.instant())
        .orElseThrow(() -> new UserFacingException(AgendaMessages.MEETING_GONE));
  }

  static Response update(ViewSubmissionContext ctx, String text) {
    return ctx.ack(r -> r.responseAction("update").view(AgendaBlocks.message(text)));
  }
}
