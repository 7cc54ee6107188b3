package dev.cosbot.platform.spi;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.people.Caller;
import java.util.List;

/** A feature's part of the App Home tab (its initiatives, open escalations, …) for one person. */
public interface HomeSection {
  /** Lower comes first. */
  int order();

  /**
   * Blocks for this person; empty when the feature has nothing for them. Keep it to a few blocks.
   */
  List<LayoutBlock> blocksFor(Caller caller);

  /**
   * Primary actions for the top of this person's Home (at most three are shown, these before
   * cos-bot's own); empty by default.
   */
  default List<HomeAction> primaryActions(Caller caller) {
    return List.of();
  }
}
