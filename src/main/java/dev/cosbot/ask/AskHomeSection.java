package dev.cosbot.ask;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.HomeSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The Home tab's "Questions for leadership": ask, vote, and for a Chief of Staff how many wait for
 * review. Shows nobody's own questions (nothing stored says which are theirs).
 */
@ApplicationScoped
public class AskHomeSection implements HomeSection {
  @Inject AskService questions;
  @Inject AskConversations conversations;

  @Override
  public int order() {
    return 50;
  }

  @Override
  public List<LayoutBlock> blocksFor(Caller caller) {
    List<AskService.Ranked> queue = questions.queue();
    long pending = queue.stream().filter(r -> r.question().status == AskStatus.PENDING).count();
    long open = queue.size() - pending;
    StringBuilder text =
        new StringBuilder("*Questions for leadership*\n")
            .append(
                open == 0
                    ? "Nothing open for votes right now."
                    : (open == 1 ? "1 question is" : open + " questions are")
                        + " open for up-votes.");
    if (caller.isAdmin() && pending > 0) {
      text.append(" :inbox_tray: ")
          .append(pending == 1 ? "1 waits" : pending + " wait")
          .append(" for your review (`/cos ask queue`).");
    }
    long waiting = caller.isAdmin() ? conversations.waitingForCos() : 0;
    if (waiting > 0) {
      text.append("\n:speech_balloon: ").append(AskMessages.conversationsWaiting(waiting));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(text.toString()))));
    blocks.add(
        actions(
            a ->
                a.elements(
                    List.<BlockElement>of(
                        button(
                            b ->
                                b.actionId(AskIds.Actions.OPEN_ASK)
                                    .text(plainText("Ask a question"))),
                        button(
                            b ->
                                b.actionId(AskIds.Actions.OPEN_BOARD)
                                    .text(plainText("Vote on questions")))))));
    return blocks;
  }
}
