package dev.cosbot.home;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.HomeAction;
import dev.cosbot.platform.spi.MessagesTabOffer;
import dev.cosbot.platform.support.SlackText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The App Home tab: a line for the person's role, one to three primary actions, then each feature's
 * section, every item once and within Slack's 100 blocks. Pure: tested without Quarkus.
 */
public final class HomeBlocks {
  /** Slack allows 100 blocks in a Home tab. */
  static final int MAX_BLOCKS = 100;

  /** At most this many primary actions at the top. */
  static final int MAX_ACTIONS = 3;

  /** Action ids of cos-bot's own primary actions: {@code home_action_0} … */
  static final String ACTION_PREFIX = "home_action_";

  static final String ACTIONS_BLOCK = "home_actions";

  private HomeBlocks() {}

  /**
   * The tab for {@code caller}.
   *
   * @param sections each feature's blocks, in order
   * @param featureActions primary actions the features offer (shown first)
   * @param commandActions cos-bot's own primary actions, with their signed values
   */
  public static com.slack.api.model.view.View home(
      Caller caller,
      List<List<LayoutBlock>> sections,
      List<HomeAction> featureActions,
      List<HomeAction> commandActions) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(HomeMessages.TITLE))));
    blocks.add(section(s -> s.text(markdownText(HomeMessages.intro(caller)))));
    List<HomeAction> primary = new ArrayList<>(featureActions);
    primary.addAll(commandActions);
    List<BlockElement> buttons = new ArrayList<>();
    for (HomeAction a : primary.stream().limit(MAX_ACTIONS).toList()) {
      ButtonElement.ButtonElementBuilder b =
          ButtonElement.builder()
              .text(plainText(SlackText.cut(a.label(), 75)))
              .actionId(a.actionId())
              .value(a.value());
      if (buttons.isEmpty()) {
        b.style("primary");
      }
      buttons.add(b.build());
    }
    if (!buttons.isEmpty()) {
      blocks.add(actions(x -> x.blockId(ACTIONS_BLOCK).elements(buttons)));
    }
    Set<String> seen = new HashSet<>();
    for (List<LayoutBlock> section : sections) {
      List<LayoutBlock> once = new ArrayList<>();
      for (LayoutBlock block : section) {
        String text = shownText(block);
        if (text == null || seen.add(text)) {
          once.add(block);
        }
      }
      if (once.isEmpty() || blocks.size() + once.size() + 2 > MAX_BLOCKS) {
        continue;
      }
      blocks.add(divider());
      blocks.addAll(once);
    }
    blocks.add(
        context(
            c -> c.elements(List.<ContextBlockElement>of(markdownText(HomeMessages.HELP_FOOTER)))));
    return com.slack.api.model.view.View.builder().type("home").blocks(blocks).build();
  }

  /** Prefix of the blocks that hold a feature's offer under a Messages tab reply. */
  static final String OFFER_BLOCK_PREFIX = "im_offer_";

  /** The reply in the Messages tab: the guide, then each feature's offer with its button. */
  public static List<LayoutBlock> messagesTabReply(
      String guide, List<MessagesTabOffer.Offer> offers) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(guide))));
    int n = 0;
    for (MessagesTabOffer.Offer offer : offers) {
      HomeAction a = offer.action();
      blocks.add(section(s -> s.text(markdownText(SlackText.cut(offer.note(), 3_000)))));
      ButtonElement button =
          ButtonElement.builder()
              .text(plainText(SlackText.cut(a.label(), 75)))
              .actionId(a.actionId())
              .value(a.value())
              .style("primary")
              .build();
      String blockId = OFFER_BLOCK_PREFIX + n++;
      blocks.add(actions(x -> x.blockId(blockId).elements(List.of(button))));
    }
    return blocks;
  }

  /** A section's text, to show an item once even when two sections list it. */
  private static String shownText(LayoutBlock block) {
    if (block instanceof SectionBlock s && s.getText() != null) {
      return s.getText().getText();
    }
    return null;
  }
}
