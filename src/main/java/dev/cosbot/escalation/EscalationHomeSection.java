package dev.cosbot.escalation;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.HomeSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** The Home tab's "your open escalations": the ones the person raised, owns or was sent. */
@ApplicationScoped
public class EscalationHomeSection implements HomeSection {
  @Inject EscalationReads reads;
  @Inject Clock clock;

  @Override
  public int order() {
    return 30;
  }

  @Override
  public List<LayoutBlock> blocksFor(Caller caller) {
    List<Escalation> mine = EscalationReads.visible(caller, reads.mine(caller.userId()));
    if (mine.isEmpty()) {
      return List.of();
    }
    String text =
        EscalationBlocks.list("Your open escalations", mine, clock.instant(), caller.isAdmin());
    return List.of(section(s -> s.text(markdownText(text))));
  }
}
