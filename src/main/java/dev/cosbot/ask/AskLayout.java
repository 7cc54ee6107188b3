package dev.cosbot.ask;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.cosbot.platform.support.SlackText;
import java.util.List;

/**
 * The layout pieces that the question and conversation modals share (a form, an info window, a text
 * box, a section, a hint), so each modal is written as what it says, not how Slack nests it.
 */
final class AskLayout {
  private AskLayout() {}

  /** A form: {@code submit} null for one that only closes. */
  static View form(
      String callbackId,
      String metadata,
      String title,
      String submit,
      String close,
      List<LayoutBlock> blocks) {
    View.ViewBuilder v =
        View.builder()
            .type("modal")
            .callbackId(callbackId)
            .privateMetadata(metadata)
            .title(viewTitle(t -> t.type("plain_text").text(title)))
            .close(viewClose(t -> t.type("plain_text").text(close)))
            .blocks(blocks);
    if (submit != null) {
      v.submit(viewSubmit(t -> t.type("plain_text").text(submit)));
    }
    return v.build();
  }

  /** A window that only tells something, closed with "Done". */
  static View info(String title, List<LayoutBlock> blocks) {
    return View.builder()
        .type("modal")
        .title(viewTitle(t -> t.type("plain_text").text(title)))
        .close(viewClose(t -> t.type("plain_text").text("Done")))
        .blocks(blocks)
        .build();
  }

  /** A section of mrkdwn, cut within Slack's 3,000 characters. */
  static LayoutBlock text(String mrkdwn) {
    String body = SlackText.cut(mrkdwn, 2_990);
    return section(s -> s.text(markdownText(body)));
  }

  /** A small grey line under a form (how anonymity works, who is told). */
  static LayoutBlock hint(String mrkdwn) {
    return context(List.<ContextBlockElement>of(markdownText(mrkdwn)));
  }

  /** A text box whose block and action share {@code id}; {@code initial} may be null. */
  static LayoutBlock textBox(
      String id, String label, int maxLength, boolean multiline, boolean optional, String initial) {
    return input(
        i ->
            i.blockId(id)
                .optional(optional)
                .label(plainText(label))
                .element(
                    plainTextInput(
                        p ->
                            p.actionId(id)
                                .multiline(multiline)
                                .maxLength(maxLength)
                                .initialValue(initial))));
  }

  /** An optional input with one checkbox (block and action share {@code id}). */
  static LayoutBlock oneCheckbox(String id, String label, String optionText, String value) {
    return input(
        i ->
            i.blockId(id)
                .optional(true)
                .label(plainText(label))
                .element(
                    checkboxes(
                        c ->
                            c.actionId(id).options(List.of(AskBlocks.option(optionText, value))))));
  }

  /** An actions block with one button. */
  static LayoutBlock oneButton(String actionId, String label, String value, boolean primary) {
    return actions(
        a ->
            a.elements(
                List.<BlockElement>of(
                    button(
                        b ->
                            b.actionId(actionId)
                                .text(plainText(label))
                                .value(value)
                                .style(primary ? "primary" : null)))));
  }

  /** A required pick among {@code options} (block and action share {@code id}). */
  static LayoutBlock select(String id, String label, List<OptionObject> options) {
    return input(
        i ->
            i.blockId(id)
                .label(plainText(label))
                .element(staticSelect(s -> s.actionId(id).options(options))));
  }
}
