package dev.cosbot.cadence;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.HomeSection;
import dev.cosbot.platform.support.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Home tab: your open prep tasks for the next 14 days; for a Chief of Staff, what is coming and not
 * ready.
 */
@ApplicationScoped
public class CadenceHomeSection implements HomeSection {
  @Inject CadenceService cadences;
  @Inject CadenceAccess access;

  @Override
  public int order() {
    return 40;
  }

  @Override
  public List<LayoutBlock> blocksFor(Caller caller) {
    Instant now = cadences.now();
    List<Occurrence> coming =
        cadences.between(now, now.plus(Duration.ofDays(14))).stream()
            .filter(o -> access.visibleTo(caller, o.cadence()))
            .toList();
    List<String> mine = new ArrayList<>();
    for (Occurrence o : coming) {
      for (Occurrence.TaskState t : o.notReady()) {
        if (caller.userId().equals(t.task().driId) && mine.size() < 10) {
          mine.add(
              "• "
                  + SlackText.escapeAndCut(t.task().title, 100)
                  + " for *"
                  + SlackText.escapeAndCut(o.cadence().name, 60)
                  + "* — due "
                  + CadenceBlocks.when(t.dueAt(), o.cadence().zone())
                  + (t.lateAt(now) ? " · *late*" : ""));
        }
      }
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!mine.isEmpty()) {
      String text = "*Your prep tasks*\n" + String.join("\n", mine);
      blocks.add(section(s -> s.text(markdownText(SlackText.cut(text, 2900)))));
    }
    if (caller.isAdmin() && !coming.isEmpty()) {
      String text = CadenceBlocks.next(coming.size() > 5 ? coming.subList(0, 5) : coming, now);
      blocks.add(section(s -> s.text(markdownText(SlackText.cut(text, 2900)))));
    }
    return blocks;
  }
}
