package dev.cosbot.agenda;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.spi.Meeting;
import dev.cosbot.platform.spi.MeetingAddon;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The agenda in a meeting's lead-time reminder and in its calendar event. */
@ApplicationScoped
public class AgendaMeetingAddon implements MeetingAddon {
  @Inject AgendaService agendas;
  @Inject SignedMetadata signer;

  @Override
  public int order() {
    return 10;
  }

  @Override
  public List<LayoutBlock> reminderBlocks(Meeting meeting) {
    return agendas
        .agenda(meeting)
        .map(a -> AgendaBlocks.reminder(a, signer.signId(meeting.cadenceId())))
        .orElse(List.of());
  }

  @Override
  public String calendarText(Meeting meeting) {
    return agendas.agenda(meeting).map(AgendaBlocks::calendarText).orElse("");
  }
}
