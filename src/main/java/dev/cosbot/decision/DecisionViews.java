package dev.cosbot.decision;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.SlackText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The decision modals and the buttons on a decision's digest line. Pure functions. */
public final class DecisionViews {
  private DecisionViews() {}

  /** "Ask the CXO for a decision": question, context, options, needed-by date, person and link. */
  public static View askModal(String question, LocalDate defaultNeededBy) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "Your question goes into the CXO's daily digest under *Needs you*. You'll get a DM with the answer."))));
    String initial = question == null ? "" : SlackText.cut(question, 300);
    blocks.add(
        input(
            i ->
                i.blockId(DecisionIds.QUESTION)
                    .label(plainText("What needs deciding?"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(DecisionIds.QUESTION)
                                    .maxLength(300)
                                    .initialValue(initial.isEmpty() ? null : initial)))));
    blocks.add(
        input(
            i ->
                i.blockId(DecisionIds.CONTEXT)
                    .optional(true)
                    .label(plainText("Context"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(DecisionIds.CONTEXT)
                                    .multiline(true)
                                    .maxLength(2_000)))));
    blocks.add(
        input(
            i ->
                i.blockId(DecisionIds.OPTIONS)
                    .optional(true)
                    .label(plainText("Options (one per line)"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(DecisionIds.OPTIONS)
                                    .multiline(true)
                                    .maxLength(1_000)))));
    blocks.add(
        input(
            i ->
                i.blockId(DecisionIds.NEEDED_BY)
                    .label(plainText("Needed by"))
                    .element(
                        datePicker(
                            d ->
                                d.actionId(DecisionIds.NEEDED_BY)
                                    .initialDate(defaultNeededBy.toString())))));
    blocks.add(
        input(
            i ->
                i.blockId(DecisionIds.ABOUT)
                    .optional(true)
                    .label(plainText("Person it concerns (optional)"))
                    .element(usersSelect(u -> u.actionId(DecisionIds.ABOUT)))));
    blocks.add(
        input(
            i ->
                i.blockId(DecisionIds.LINK)
                    .optional(true)
                    .label(plainText("Link to the ask (optional)"))
                    .element(plainTextInput(p -> p.actionId(DecisionIds.LINK).maxLength(1_000)))));
    return View.builder()
        .type("modal")
        .callbackId(DecisionIds.ASK_CALLBACK)
        .title(viewTitle(t -> t.type("plain_text").text("Ask for a decision")))
        .submit(viewSubmit(t -> t.type("plain_text").text("Send to the CXO")))
        .close(viewClose(t -> t.type("plain_text").text("Cancel")))
        .blocks(blocks)
        .build();
  }

  /**
   * Delegate (with a person picker) or Ask for more (with a note); private_metadata {@code
   * action:id}.
   */
  public static View outcomeModal(String action, Decision d, SignedMetadata signer) {
    boolean delegate = DecisionIds.DELEGATE.equals(action);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText("*#" + d.id + "* " + SlackText.escapeAndCut(d.question, 300)))));
    if (d.context != null) {
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.<ContextBlockElement>of(
                          markdownText(SlackText.escapeAndCut(d.context, 1_500))))));
    }
    if (delegate) {
      blocks.add(
          input(
              i ->
                  i.blockId(DecisionIds.DELEGATE_TO)
                      .label(plainText("Delegate to"))
                      .element(usersSelect(u -> u.actionId(DecisionIds.DELEGATE_TO)))));
    }
    blocks.add(
        input(
            i ->
                i.blockId(DecisionIds.NOTE)
                    .optional(delegate)
                    .label(
                        plainText(
                            delegate ? "Note for them (optional)" : "What do you need to know?"))
                    .element(
                        plainTextInput(
                            p -> p.actionId(DecisionIds.NOTE).multiline(true).maxLength(1_000)))));
    return View.builder()
        .type("modal")
        .callbackId(DecisionIds.OUTCOME_CALLBACK)
        .privateMetadata(signer.sign(action + ":" + d.id))
        .title(
            viewTitle(
                t -> t.type("plain_text").text(delegate ? "Delegate decision" : "Ask for more")))
        .submit(viewSubmit(t -> t.type("plain_text").text(delegate ? "Delegate" : "Send")))
        .close(viewClose(t -> t.type("plain_text").text("Cancel")))
        .blocks(blocks)
        .build();
  }

  /** Approve / Decline / Delegate / Ask for more, each carrying the signed decision id. */
  public static List<DigestButton> buttons(long id, SignedMetadata signer) {
    String v = signer.signId(id);
    return List.of(
        new DigestButton("Approve", DecisionIds.APPROVE, v),
        new DigestButton("Decline", DecisionIds.DECLINE, v),
        new DigestButton("Delegate…", DecisionIds.DELEGATE, v),
        new DigestButton("Ask for more…", DecisionIds.MORE, v));
  }
}
