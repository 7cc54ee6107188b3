package dev.cosbot.ask;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.radioButtons;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.cosbot.platform.support.SlackText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Modals, cards and notes of questions to leadership. Pure functions of domain objects. */
public final class AskBlocks {
  private AskBlocks() {}

  static final String ACCEPT = "accept";
  static final String KEEP = "keep";
  static final String NAMED = "named";

  /** "Ask leadership": the question, and a box to put one's name on it (anonymous by default). */
  public static View askModal(String initial) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "Ask the leadership team anything. A Chief of Staff reviews each question"
                            + " before it goes on the board, where everyone can up-vote it; the"
                            + " top ones are answered at the all-hands.\n*Anonymous unless you tick"
                            + " the box:* nobody, not even the Chiefs of Staff, can find out who"
                            + " asked. I'll send you a private note when it's answered."))));
    String text = initial == null ? "" : SlackText.cut(initial.strip(), AskService.MAX_TEXT);
    blocks.add(
        AskLayout.textBox(
            AskIds.Blocks.QUESTION,
            "Your question",
            AskService.MAX_TEXT,
            true,
            false,
            text.isEmpty() ? null : text));
    blocks.add(
        AskLayout.oneCheckbox(
            AskIds.Blocks.NAMED, "Name", "Ask with my name (shown with the question)", NAMED));
    blocks.add(
        AskLayout.hint(
            ":shield: Leave out details that would give you away. How anonymity works:"
                + " cos-bot's privacy notes (docs/privacy.md)."));
    return AskLayout.form(AskIds.Callbacks.ASK, null, "Ask leadership", "Send", "Cancel", blocks);
  }

  /** What the asker sees once the question is sent (the modal is replaced, nothing is stored). */
  public static View sentView(boolean named) {
    return info(
        "Ask leadership",
        ":white_check_mark: *Sent.* A Chief of Staff reviews it; once approved it's on the board"
            + " for up-votes (`/cos ask vote`). I'll send you a private note when there's news."
            + (named
                ? " Your name is shown with it."
                : " It's anonymous: nothing stored says it's yours."));
  }

  /**
   * The voting board: each open question with an up-vote box, ticked where the reader voted. Empty
   * when there is nothing to vote on.
   */
  public static View boardModal(List<AskService.Ranked> questions, String metadata) {
    if (questions.isEmpty()) {
      return info(
          "Questions",
          "No questions are open for votes right now. Ask one with `/cos ask`: a Chief of Staff"
              + " reviews it and puts it here.");
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "Tick the questions you want answered at the all-hands, untick to take a"
                            + " vote back. Votes are anonymous: nobody can see who voted for"
                            + " what."))));
    for (AskService.Ranked r : questions) {
      String id = AskIds.Blocks.VOTE_PREFIX + r.question().id;
      OptionObject up = option("Up-vote · " + AskMessages.votes(r.votes()) + " so far", "up");
      blocks.add(
          input(
              i ->
                  i.blockId(id)
                      .optional(true)
                      .label(plainText(SlackText.cut(label(r.question()), 2_000)))
                      .element(
                          checkboxes(
                              c ->
                                  c.actionId(id)
                                      .options(List.of(up))
                                      .initialOptions(r.mine() ? List.of(up) : null)))));
    }
    return AskLayout.form(
        AskIds.Callbacks.VOTE, metadata, "Questions", "Save my votes", "Close", blocks);
  }

  /** After the votes are saved. */
  public static View votedView(int count) {
    return info(
        "Questions",
        ":ballot_box_with_ballot: Saved: you're up-voting "
            + (count == 1 ? "1 question" : count + " questions")
            + ". You can change your votes until a question is answered (`/cos ask vote`).");
  }

  /** A Chief of Staff picks the question a duplicate belongs to. */
  public static View mergeModal(AskQuestion q, List<AskQuestion> targets, String metadata) {
    List<OptionObject> options = new ArrayList<>();
    for (AskQuestion t : targets) {
      options.add(option(SlackText.cut(t.text.replaceAll("\\s+", " "), 75), String.valueOf(t.id)));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*Duplicate:*\n" + quote(q.text)))));
    if (options.isEmpty()) {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText("There's no other pending or open question to merge into."))));
      return AskLayout.form(
          AskIds.Callbacks.MERGE, metadata, "Merge question", null, "Close", blocks);
    }
    blocks.add(AskLayout.select(AskIds.Blocks.MERGE_INTO, "Merge into", options));
    blocks.add(
        AskLayout.hint(
            "The asker is told it was merged, and gets the answer to the question you pick."));
    return AskLayout.form(
        AskIds.Callbacks.MERGE, metadata, "Merge question", "Merge", "Cancel", blocks);
  }

  /** A Chief of Staff rewords a question for clarity; the asker decides. */
  public static View editModal(AskQuestion q, String metadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*As asked:*\n" + quote(q.text)))));
    blocks.add(
        AskLayout.textBox(
            AskIds.Blocks.NEW_TEXT,
            "Clearer wording",
            AskService.MAX_TEXT,
            true,
            false,
            SlackText.cut(q.text, AskService.MAX_TEXT)));
    blocks.add(
        AskLayout.hint(
            "The asker gets a private note to accept or keep their own words; you approve"
                + " afterwards."));
    return AskLayout.form(
        AskIds.Callbacks.EDIT, metadata, "Suggest wording", "Send to asker", "Cancel", blocks);
  }

  /** A Chief of Staff declines with a reason the asker receives. */
  public static View declineModal(AskQuestion q, String metadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*Question:*\n" + quote(q.text)))));
    blocks.add(
        AskLayout.textBox(
            AskIds.Blocks.REASON, "Why (the asker receives this)", 1_000, true, false, null));
    return AskLayout.form(
        AskIds.Callbacks.DECLINE, metadata, "Decline question", "Decline", "Cancel", blocks);
  }

  /** A Chief of Staff records the answer given at the meeting. */
  public static View answerModal(AskQuestion q, long votes, String channel, String metadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Question* (" + AskMessages.votes(votes) + "):\n" + quote(q.text)))));
    blocks.add(AskLayout.textBox(AskIds.Blocks.ANSWER_TEXT, "Answer", 2_500, true, true, null));
    blocks.add(
        AskLayout.textBox(
            AskIds.Blocks.ANSWER_LINK, "Link to the recording", 1_000, false, true, null));
    blocks.add(
        input(
            i ->
                i.blockId(AskIds.Blocks.ANSWER_CHANNEL)
                    .optional(true)
                    .label(plainText("Also post it in"))
                    .element(
                        conversationsSelect(
                            c ->
                                c.actionId(AskIds.Blocks.ANSWER_CHANNEL)
                                    .initialConversation(channel)))));
    blocks.add(
        AskLayout.hint(
            "The asker (and the askers of its duplicates) get the answer in a private"
                + " note, without anyone learning who they are."));
    return AskLayout.form(
        AskIds.Callbacks.ANSWER, metadata, "Record answer", "Save and send", "Cancel", blocks);
  }

  /** A note, opened by its asker. */
  public static View noteView(AskService.Note note, String metadata) {
    AskQuestion q = note.question();
    return switch (note.kind()) {
      case APPROVED ->
          info(
              "Your question",
              ":white_check_mark: Your question is on the board, open for up-votes:\n"
                  + quote(q.text)
                  + "\nSee the board with `/cos ask vote`.");
      case MERGED ->
          info(
              "Your question",
              "Your question was merged with a similar one:\n"
                  + quote(q.text)
                  + "\n*Now asked as:*\n"
                  + quote(note.answeredAs() == null ? q.text : note.answeredAs().text)
                  + "\nYou'll get its answer.");
      case DECLINED ->
          info(
              "Your question",
              "Your question wasn't taken up:\n"
                  + quote(q.text)
                  + "\n*Why:* "
                  + SlackText.escape(
                      q.declineReason == null ? "no reason given" : q.declineReason));
      case ANSWERED -> {
        AskQuestion a = note.answeredAs() == null ? q : note.answeredAs();
        yield info("Answered", answerText(a));
      }
      case EDIT -> consentModal(q, metadata);
    };
  }

  private static View consentModal(AskQuestion q, String metadata) {
    if (q.status != AskStatus.PENDING || q.proposedText == null) {
      return info(
          "Your question",
          "That suggested wording isn't waiting for you any more. Your question is "
              + AskMessages.label(q.status)
              + ":\n"
              + quote(q.text));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "A Chief of Staff suggests a clearer wording for your question. They don't"
                            + " know who you are; you decide.\n*You asked:*\n"
                            + quote(q.text)
                            + "\n*Suggested:*\n"
                            + quote(q.proposedText)))));
    OptionObject accept = option("Use the suggested wording", ACCEPT);
    blocks.add(
        input(
            i ->
                i.blockId(AskIds.Blocks.CONSENT)
                    .label(plainText("Your choice"))
                    .element(
                        radioButtons(
                            r ->
                                r.actionId(AskIds.Blocks.CONSENT)
                                    .options(List.of(accept, option("Keep my words", KEEP)))
                                    .initialOption(accept)))));
    return AskLayout.form(
        AskIds.Callbacks.CONSENT, metadata, "Your question", "Send", "Cancel", blocks);
  }

  /** After the asker's choice. */
  public static View consentDone(boolean accepted) {
    return info(
        "Your question",
        accepted
            ? "Thanks, the new wording is used. A Chief of Staff will put it on the board."
            : "Thanks, your own words stay. A Chief of Staff will review it.");
  }

  /** The sealed note's DM: says nothing about which question, only how to open it. */
  public static List<LayoutBlock> note(String token) {
    return List.of(
        section(
            s ->
                s.text(
                    markdownText(
                        ":envelope_with_arrow: There's news about a question you asked. Open it"
                            + " here; it's kept out of this message so that nothing stored"
                            + " links the question to you."))),
        AskLayout.oneButton(AskIds.Actions.READ_NOTE, "Read it", token, true));
  }

  /** The plain-text fallback of the note. */
  public static final String NOTE_TEXT = "There's news about a question you asked.";

  /** A Chief of Staff's card for one question, with the buttons its state allows. */
  public static List<LayoutBlock> card(
      AskQuestion q, Map<Long, AskQuestion> targets, String value) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder text =
        new StringBuilder("*Question for leadership* · ")
            .append(q.anonymous() ? "anonymous" : "from " + SlackText.mention(q.askerId))
            .append("\n")
            .append(quote(q.text));
    switch (q.status) {
      case PENDING -> {
        if (q.proposedText != null) {
          text.append("\n:hourglass_flowing_sand: Waiting for the asker to accept:\n")
              .append(quote(q.proposedText));
        }
      }
      case OPEN -> text.append("\n:ballot_box_with_ballot: Approved, open for up-votes.");
      case MERGED -> {
        AskQuestion into = q.mergedInto == null ? null : targets.get(q.mergedInto);
        text.append("\n:twisted_rightwards_arrows: Merged into: ")
            .append(into == null ? "another question" : "\n" + quote(into.text));
      }
      case DECLINED ->
          text.append("\n:no_entry_sign: Declined: ")
              .append(SlackText.escape(q.declineReason == null ? "" : q.declineReason));
      case ANSWERED ->
          text.append("\n:white_check_mark: Answered")
              .append(q.answeredBy == null ? "" : " by " + SlackText.mention(q.answeredBy))
              .append(". The asker was told.");
    }
    String body = SlackText.cut(text.toString(), 2_900);
    blocks.add(section(s -> s.text(markdownText(body))));
    List<BlockElement> buttons = new ArrayList<>();
    if (q.status == AskStatus.PENDING) {
      buttons.add(
          button(
              b ->
                  b.actionId(AskIds.Actions.APPROVE)
                      .text(plainText("Approve"))
                      .value(value)
                      .style("primary")));
      buttons.add(
          button(b -> b.actionId(AskIds.Actions.MERGE).text(plainText("Merge…")).value(value)));
      if (q.proposedText == null) {
        buttons.add(
            button(
                b ->
                    b.actionId(AskIds.Actions.EDIT)
                        .text(plainText("Suggest wording…"))
                        .value(value)));
      }
      buttons.add(
          button(b -> b.actionId(AskIds.Actions.DECLINE).text(plainText("Decline…")).value(value)));
    } else if (q.status == AskStatus.OPEN) {
      buttons.add(
          button(
              b ->
                  b.actionId(AskIds.Actions.ANSWER)
                      .text(plainText("Record answer…"))
                      .value(value)));
    }
    if (q.anonymous() && (q.status == AskStatus.PENDING || q.status == AskStatus.OPEN)) {
      buttons.add(
          button(
              b ->
                  b.actionId(AskIds.Actions.REPLY_TO_ASKER)
                      .text(plainText("Reply to asker…"))
                      .value(value)));
    }
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.blockId("ask_card_" + q.id).elements(buttons)));
    }
    return blocks;
  }

  /** The plain-text fallback of a card. */
  public static String cardText(AskQuestion q) {
    return "Question for leadership: " + AskMessages.label(q.status);
  }

  /** The moderation queue for a Chief of Staff ({@code /cos ask queue}). */
  public static List<LayoutBlock> queue(
      List<AskService.Ranked> queue, java.util.function.LongFunction<String> value) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (queue.isEmpty()) {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText("No questions waiting for review and none open for votes."))));
      return blocks;
    }
    for (AskService.Ranked r : queue.subList(0, Math.min(queue.size(), 20))) {
      List<LayoutBlock> card = card(r.question(), Map.of(), value.apply(r.question().id));
      if (r.question().status == AskStatus.OPEN) {
        card.add(AskLayout.hint(AskMessages.votes(r.votes())));
      }
      blocks.addAll(card);
    }
    return blocks;
  }

  /** The answer as posted in a channel and shown to the asker. */
  public static String answerText(AskQuestion q) {
    StringBuilder out = new StringBuilder("*Asked:*\n").append(quote(q.text)).append("\n*Answer:*");
    if (q.answer != null) {
      out.append("\n").append(SlackText.escape(q.answer));
    }
    if (q.answerLink != null) {
      out.append("\n<")
          .append(q.answerLink.replace("|", "%7C").replace(">", "%3E"))
          .append("|Watch the answer in the recording>");
    }
    return SlackText.cut(out.toString(), 2_900);
  }

  /** The answer posted in a channel. */
  public static List<LayoutBlock> answerPost(AskQuestion q, long votes) {
    String head =
        ":speech_balloon: *Answered at the all-hands* · " + AskMessages.votes(votes) + "\n";
    return List.of(section(s -> s.text(markdownText(SlackText.cut(head + answerText(q), 2_990)))));
  }

  /** The top questions in a meeting's lead-time reminder, in vote order. */
  public static List<LayoutBlock> reminder(List<AskService.Ranked> top) {
    StringBuilder text =
        new StringBuilder(":raising_hand: *Questions for this meeting*, by up-votes");
    if (top.isEmpty()) {
      text.append("\nNo questions yet.");
    }
    int n = 1;
    for (AskService.Ranked r : top) {
      text.append("\n")
          .append(n++)
          .append(". ")
          .append(SlackText.escapeAndCut(r.question().text.replaceAll("\\s+", " "), 300))
          .append(" — ")
          .append(AskMessages.votes(r.votes()));
    }
    String body = SlackText.cut(text.toString(), 2_900);
    return List.of(
        section(s -> s.text(markdownText(body))),
        AskLayout.hint(
            "Up-vote the ones you want answered with `/cos ask vote`, or ask your own"
                + " with `/cos ask` (anonymous unless you add your name)."));
  }

  /** The top questions as plain text for the calendar event. */
  public static String calendarText(List<AskService.Ranked> top) {
    if (top.isEmpty()) {
      return "Questions: none yet (ask with /cos ask in Slack).";
    }
    StringBuilder out = new StringBuilder("Top questions:");
    int n = 1;
    for (AskService.Ranked r : top) {
      out.append("\n")
          .append(n++)
          .append(". ")
          .append(SlackText.cut(r.question().text.replaceAll("\\s+", " "), 200))
          .append(" (")
          .append(AskMessages.votes(r.votes()))
          .append(")");
    }
    return out.toString();
  }

  /** A digest line: the n-th top question before a meeting. */
  public static String digestLine(dev.cosbot.platform.spi.Meeting m, int n, AskService.Ranked r) {
    String when =
        "<!date^"
            + m.at().getEpochSecond()
            + "^{date_short_pretty}|"
            + java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH)
                .format(m.at().atZone(m.zone()))
            + ">";
    return SlackText.cut(
        ":raising_hand: Question "
            + n
            + " for *"
            + SlackText.escapeAndCut(m.name(), 60)
            + "* "
            + when
            + " ("
            + AskMessages.votes(r.votes())
            + "): "
            + SlackText.escapeAndCut(r.question().text.replaceAll("\\s+", " "), 160),
        300);
  }

  /** A Chief of Staff's digest line about questions waiting for review. */
  public static String queueLine(long pending) {
    return ":inbox_tray: "
        + (pending == 1 ? "1 question waits" : pending + " questions wait")
        + " for your review: `/cos ask queue`.";
  }

  /** A question as a plain-text label. */
  static String label(AskQuestion q) {
    return q.text;
  }

  /** Plain text cut to {@code max} characters. */
  static String cut(String text, int max) {
    return SlackText.cut(text == null ? "" : text, max);
  }

  /** User text as a mrkdwn quote. */
  static String quote(String text) {
    String escaped = SlackText.escape(SlackText.cut(text == null ? "" : text, 1_200));
    return ">" + escaped.replace("\n", "\n>");
  }

  static OptionObject option(String text, String value) {
    return OptionObject.builder().text(plainText(text)).value(value).build();
  }

  /** A modal that only tells something (a refusal, a confirmation). */
  public static View message(String text) {
    return info("Questions", text);
  }

  private static View info(String title, String text) {
    return AskLayout.info(title, List.of(AskLayout.text(text)));
  }
}
