package dev.cosbot.agenda;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.Meeting;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** "What was covered": the ticked items leave the agenda, the rest roll over. */
@ApplicationScoped
public class AgendaCoveredSubmitHandler extends AgendaForm {

  @Override
  Response submit(Caller caller, ModalState form, String metadata, ViewSubmissionContext ctx) {
    Meeting m = byId(metadata);
    List<Long> ids =
        form.options(AgendaIds.ITEMS).stream()
            .filter(v -> v.matches("\\d{1,18}"))
            .map(Long::parseLong)
            .toList();
    int covered = agendas.cover(caller, m, ids);
    int left = agendas.agenda(m).map(a -> a.items().size()).orElse(0);
    return update(ctx, AgendaMessages.covered(covered, left));
  }
}
