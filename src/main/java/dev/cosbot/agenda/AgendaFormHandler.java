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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agenda forms: add an item (field errors in place), tick what was covered. */
@ApplicationScoped
public class AgendaFormHandler implements ViewSubmissionHandler {
  @Inject AgendaService agendas;
  @Inject Instance<Meetings> meetings;
  @Inject Roles roles;
  @Inject SignedMetadata signer;
  @Inject Clock clock;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Caller caller = roles.of(req.getPayload().getUser().getId());
    View view = req.getPayload().getView();
    ModalState form = ModalState.of(view);
    try {
      if (AgendaIds.COVERED_CALLBACK.equals(view.getCallbackId())) {
        Meeting m = byId(view.getPrivateMetadata());
        List<Long> ids = form.options(AgendaIds.ITEMS).stream().map(Long::parseLong).toList();
        int covered = agendas.cover(caller, m, ids);
        int left = agendas.agenda(m).map(a -> a.items().size()).orElse(0);
        return update(ctx, AgendaMessages.covered(covered, left));
      }
      Map<String, String> errors = new HashMap<>();
      Optional<Meeting> meeting;
      if (view.getPrivateMetadata() == null || view.getPrivateMetadata().isBlank()) {
        String name = form.option(AgendaIds.MEETING);
        meeting =
            name == null ? Optional.empty() : meetings.get().next(caller, name, clock.instant());
        if (meeting.isEmpty()) {
          errors.put(AgendaIds.MEETING, AgendaMessages.MEETING_NEEDED);
        }
      } else {
        meeting = Optional.of(byId(view.getPrivateMetadata()));
      }
      String title = form.text(AgendaIds.TITLE);
      if (title == null) {
        errors.put(AgendaIds.TITLE, AgendaMessages.TITLE_NEEDED);
      }
      int minutes;
      try {
        minutes = Integer.parseInt(String.valueOf(form.text(AgendaIds.MINUTES)).trim());
      } catch (NumberFormatException e) {
        minutes = -1;
      }
      if (minutes < 1 || minutes > 480) {
        errors.put(AgendaIds.MINUTES, AgendaMessages.MINUTES_NEEDED);
      }
      if (!errors.isEmpty()) {
        return ctx.ackWithErrors(errors);
      }
      AgendaItem item =
          agendas.add(caller, meeting.get(), title, form.user(AgendaIds.OWNER), minutes);
      return update(ctx, AgendaMessages.added(item, meeting.get().name()));
    } catch (UserFacingException e) {
      return update(ctx, e.getMessage());
    }
  }

  private Meeting byId(String metadata) {
    long id = signer.id(metadata).orElse(-1);
    return meetings
        .get()
        .next(id, clock.instant())
        .orElseThrow(() -> new UserFacingException(AgendaMessages.NO_MEETINGS));
  }

  private static Response update(ViewSubmissionContext ctx, String text) {
    return ctx.ack(r -> r.responseAction("update").view(AgendaBlocks.message(text)));
  }
}
