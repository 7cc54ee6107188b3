package dev.cosbot.home;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.HomeSection;
import java.util.ArrayList;
import java.util.List;

/** The App Home tab: a greeting for the person's role, then each feature's section. */
public final class HomeBlocks {
  /** Slack allows 100 blocks in a Home tab. */
  static final int MAX_BLOCKS = 100;

  private HomeBlocks() {}

  public static View home(Caller caller, List<HomeSection> sections) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("cos-bot"))));
    String intro;
    if (caller.isAdmin()) {
      intro =
          "You're a *Chief of Staff*. Type `/cos help` for the commands that run the rhythm of the business.";
    } else if (caller.isCxo()) {
      intro =
          "Your daily digest arrives each working morning. Type `/cos help` to see what else you can do.";
    } else {
      intro =
          "I keep status updates, surveys, escalations and the team's rhythm in one place. Type `/cos help` to start.";
    }
    blocks.add(section(s -> s.text(markdownText(intro))));
    for (List<LayoutBlock> section : sections.stream().map(s -> s.blocksFor(caller)).toList()) {
      if (section.isEmpty() || blocks.size() + section.size() + 1 > MAX_BLOCKS) {
        continue;
      }
      blocks.add(divider());
      blocks.addAll(section);
    }
    return View.builder().type("home").blocks(blocks).build();
  }
}
