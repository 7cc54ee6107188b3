package dev.cosbot.agenda;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.Meeting;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The add-item form: meeting, title and minutes checked in place, then the item is added. */
@ApplicationScoped
public class AgendaAddSubmitHandler extends AgendaForm {

  @Override
  Response submit(Caller caller, ModalState form, String metadata, ViewSubmissionContext ctx) {
    Map<String, String> errors = new HashMap<>();
    Optional<Meeting> meeting;
    if (metadata == null || metadata.isBlank()) {
      String name = form.option(AgendaIds.MEETING);
      meeting =
          name == null ? Optional.empty() : meetings.get().next(caller, name, clock.instant());
      if (meeting.isEmpty()) {
        errors.put(AgendaIds.MEETING, AgendaMessages.MEETING_NEEDED);
      }
    } else {
      meeting = Optional.of(byId(metadata));
    }
    String title = form.text(AgendaIds.TITLE);
    if (title == null) {
      errors.put(AgendaIds.TITLE, AgendaMessages.TITLE_NEEDED);
    }
    int minutes = minutes(form.text(AgendaIds.MINUTES));
    if (minutes < 1 || minutes > 480) {
      errors.put(AgendaIds.MINUTES, AgendaMessages.MINUTES_NEEDED);
    }
    if (!errors.isEmpty()) {
      return ctx.ackWithErrors(errors);
    }
    AgendaItem item =
        agendas.add(caller, meeting.get(), title, form.user(AgendaIds.OWNER), minutes);
    return update(ctx, AgendaMessages.added(item, meeting.get().name()));
  }

  private static int minutes(String text) {
    try {
      return Integer.parseInt(String.valueOf(text).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
