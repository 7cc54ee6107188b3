package dev.cosbot.decision;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.support.InputBlocks;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.platform.support.SlackText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit of the decision feature: the modals, the decider's copy with its buttons, and the
 * digest line's buttons. Pure functions.
 */
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
                        "Your question goes to the CXO by DM and into their daily digest under *Needs you*. You'll get a DM with the answer."))));
    String initial = question == null ? "" : SlackText.cut(question, 300);
    blocks.add(
        InputBlocks.field(
            DecisionIds.QUESTION,
            "What needs deciding?",
            false,
            null,
            plainTextInput(
                p ->
                    p.actionId(DecisionIds.QUESTION)
                        .maxLength(300)
                        .initialValue(initial.isEmpty() ? null : initial))));
    blocks.add(
        InputBlocks.field(
            DecisionIds.CONTEXT,
            "Context",
            true,
            null,
            plainTextInput(p -> p.actionId(DecisionIds.CONTEXT).multiline(true).maxLength(2_000))));
    blocks.add(
        InputBlocks.field(
            DecisionIds.OPTIONS,
            "Options (one per line)",
            true,
            null,
            plainTextInput(p -> p.actionId(DecisionIds.OPTIONS).multiline(true).maxLength(1_000))));
    blocks.add(
        InputBlocks.field(
            DecisionIds.NEEDED_BY,
            "Needed by",
            false,
            null,
            datePicker(
                d -> d.actionId(DecisionIds.NEEDED_BY).initialDate(defaultNeededBy.toString()))));
    blocks.add(
        InputBlocks.field(
            DecisionIds.ABOUT,
            "Person it concerns (optional)",
            true,
            null,
            usersSelect(u -> u.actionId(DecisionIds.ABOUT))));
    blocks.add(
        InputBlocks.field(
            DecisionIds.LINK,
            "Link to the ask (optional)",
            true,
            null,
            plainTextInput(p -> p.actionId(DecisionIds.LINK).maxLength(1_000))));
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
          InputBlocks.field(
              DecisionIds.DELEGATE_TO,
              "Delegate to",
              false,
              null,
              usersSelect(u -> u.actionId(DecisionIds.DELEGATE_TO))));
    }
    blocks.add(
        InputBlocks.field(
            DecisionIds.NOTE,
            delegate
                ? "Note for them (optional)"
                : "What do you need to know? (the asker is asked)",
            delegate,
            null,
            plainTextInput(p -> p.actionId(DecisionIds.NOTE).multiline(true).maxLength(1_000))));
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

  /**
   * The decider's buttons: one per option (up to three; with more, one "Choose…" that opens a
   * list), then Ask for more and Delegate. Option values carry {@code id:index}, signed.
   */
  public static List<DigestButton> buttons(Decision d, SignedMetadata signer) {
    List<DigestButton> out = new ArrayList<>();
    List<String> choices = d.choices();
    if (choices.size() <= MAX_OPTION_BUTTONS) {
      for (int i = 0; i < choices.size(); i++) {
        out.add(
            new DigestButton(
                SlackText.cut(choices.get(i), 70),
                DecisionIds.CHOOSE + "_" + i,
                signer.sign(d.id + ":" + i)));
      }
    } else {
      out.add(new DigestButton("Choose…", DecisionIds.CHOOSE, signer.sign(d.id + ":-1")));
    }
    String v = signer.signId(d.id);
    out.add(new DigestButton("Ask for more…", DecisionIds.MORE, v));
    out.add(new DigestButton("Delegate…", DecisionIds.DELEGATE, v));
    return out;
  }

  /** Options shown as buttons; more than this get one "Choose…" button and a list in the form. */
  static final int MAX_OPTION_BUTTONS = 3;

  /**
   * A decision's own message (the CXO's DM, a delegate's DM): the request, its options and — while
   * {@code live} — the buttons; otherwise where it stands.
   */
  public static List<LayoutBlock> card(
      Decision d, boolean live, boolean delegateCopy, SignedMetadata signer) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(s -> s.text(markdownText(DecisionMessages.headline(d, live, delegateCopy)))));
    StringBuilder body =
        new StringBuilder("*#").append(d.id).append("* ").append(DecisionMessages.question(d, 300));
    if (d.context != null) {
      body.append("\n").append(DecisionMessages.quote(d.context, 1_500));
    }
    if (d.hasOptions()) {
      body.append("\n").append(DecisionMessages.options(d.choices()));
    }
    if (d.link != null && DecisionSource.safeLink(d.link) != null) {
      body.append("\n<").append(d.link).append("|Open the link>");
    }
    String text = SlackText.cut(body.toString(), 2_900);
    blocks.add(section(s -> s.text(markdownText(text))));
    blocks.add(
        context(
            c ->
                c.elements(
                    List.<ContextBlockElement>of(markdownText(DecisionMessages.neededBy(d))))));
    if (live) {
      List<BlockElement> elements = new ArrayList<>();
      for (DigestButton b : buttons(d, signer)) {
        elements.add(
            button(x -> x.actionId(b.actionId()).text(plainText(b.label())).value(b.value())));
      }
      blocks.add(
          actions(a -> a.blockId(DecisionIds.ACTIONS_BLOCK + ":" + d.id).elements(elements)));
    }
    return blocks;
  }

  /**
   * The confirmation before a choice is recorded: the option named ({@code index} ≥ 0), or a list
   * to pick from; an optional note for the asker. private_metadata {@code id:index}, signed.
   */
  public static View confirmModal(Decision d, int index, SignedMetadata signer) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<String> choices = d.choices();
    if (index >= 0) {
      blocks.add(
          section(s -> s.text(markdownText(DecisionMessages.choosing(d, choices.get(index))))));
    } else {
      blocks.add(section(s -> s.text(markdownText(DecisionMessages.question(d, 300)))));
      List<OptionObject> options = new ArrayList<>();
      for (int i = 0; i < choices.size(); i++) {
        options.add(option(plainText(SlackText.cut(choices.get(i), 75)), String.valueOf(i)));
      }
      blocks.add(
          InputBlocks.field(
              DecisionIds.CHOICE,
              "Your choice",
              false,
              null,
              radioButtons(r -> r.actionId(DecisionIds.CHOICE).options(options))));
    }
    blocks.add(
        InputBlocks.field(
            DecisionIds.NOTE,
            "A note for the asker (optional)",
            true,
            null,
            plainTextInput(p -> p.actionId(DecisionIds.NOTE).multiline(true).maxLength(1_000))));
    return View.builder()
        .type("modal")
        .callbackId(DecisionIds.CHOOSE_CALLBACK)
        .privateMetadata(signer.sign(d.id + ":" + index))
        .title(viewTitle(t -> t.type("plain_text").text("Confirm your decision")))
        .submit(viewSubmit(t -> t.type("plain_text").text("Confirm")))
        .close(viewClose(t -> t.type("plain_text").text("Cancel")))
        .blocks(blocks)
        .build();
  }

  /** The asker's answer to a question about their request. private_metadata: the signed id. */
  public static View replyModal(Decision d, SignedMetadata signer) {
    return View.builder()
        .type("modal")
        .callbackId(DecisionIds.REPLY_CALLBACK)
        .privateMetadata(signer.signId(d.id))
        .title(viewTitle(t -> t.type("plain_text").text("Reply")))
        .submit(viewSubmit(t -> t.type("plain_text").text("Send")))
        .close(viewClose(t -> t.type("plain_text").text("Cancel")))
        .blocks(
            List.of(
                section(
                    s ->
                        s.text(
                            markdownText("*#" + d.id + "* " + DecisionMessages.question(d, 300)))),
                InputBlocks.field(
                    DecisionIds.REPLY_TEXT,
                    "Your answer",
                    false,
                    null,
                    plainTextInput(
                        p -> p.actionId(DecisionIds.REPLY_TEXT).multiline(true).maxLength(2_000)))))
        .build();
  }

  /** The Reply button on a question to the asker. */
  public static List<LayoutBlock> withReplyButton(String text, Decision d, SignedMetadata signer) {
    return List.of(
        section(s -> s.text(markdownText(SlackText.cut(text, 2_900)))),
        actions(
            a ->
                a.blockId(DecisionIds.ACTIONS_BLOCK + ":reply:" + d.id)
                    .elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId(DecisionIds.REPLY)
                                        .text(plainText("Reply"))
                                        .style("primary")
                                        .value(signer.signId(d.id)))))));
  }

  /**
   * A message found by a click ({@code {"text","blocks"}} as Slack showed it, e.g. the digest) with
   * this decision's buttons replaced by {@code state}: the rest of the message is left as it was.
   * Null when the message shows no buttons of this decision.
   */
  public static JsonObject withoutButtons(
      String message, long id, String state, SignedMetadata signer) {
    JsonObject m = JsonParser.parseString(message).getAsJsonObject();
    JsonArray blocks = m.has("blocks") ? m.getAsJsonArray("blocks") : new JsonArray();
    JsonArray out = new JsonArray();
    boolean changed = false;
    for (JsonElement b : blocks) {
      JsonObject block = b.getAsJsonObject();
      String type = block.has("type") ? block.get("type").getAsString() : "";
      if ("actions".equals(type) && ours(block.getAsJsonArray("elements"), id, signer)) {
        JsonObject text = new JsonObject();
        text.addProperty("type", "mrkdwn");
        text.addProperty("text", state);
        JsonArray elements = new JsonArray();
        elements.add(text);
        JsonObject context = new JsonObject();
        context.addProperty("type", "context");
        if (block.has("block_id")) {
          context.add("block_id", block.get("block_id"));
        }
        context.add("elements", elements);
        out.add(context);
        changed = true;
        continue;
      }
      if ("section".equals(type) && block.has("accessory")) {
        JsonArray one = new JsonArray();
        one.add(block.get("accessory"));
        if (ours(one, id, signer)) {
          block.remove("accessory");
          changed = true;
        }
      }
      out.add(block);
    }
    if (!changed) {
      return null;
    }
    m.add("blocks", out);
    return m;
  }

  /** True when one of {@code elements} is a decision button for decision {@code id}. */
  private static boolean ours(JsonArray elements, long id, SignedMetadata signer) {
    if (elements == null) {
      return false;
    }
    for (JsonElement e : elements) {
      JsonObject el = e.getAsJsonObject();
      String action = el.has("action_id") ? el.get("action_id").getAsString() : "";
      String value = el.has("value") ? el.get("value").getAsString() : null;
      if (action.startsWith(DecisionIds.PREFIX) && value != null) {
        String v = signer.verify(value).orElse("");
        String first = v.contains(":") ? v.substring(0, v.indexOf(':')) : v;
        if (first.equals(String.valueOf(id))) {
          return true;
        }
      }
    }
    return false;
  }
}
