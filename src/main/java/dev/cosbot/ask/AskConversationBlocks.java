package dev.cosbot.ask;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.cosbot.platform.spi.AnonymousSubject;
import dev.cosbot.platform.support.SlackText;
import java.util.ArrayList;
import java.util.List;

/** The views and messages of anonymous conversations, for both sides. Pure functions. */
public final class AskConversationBlocks {
  private AskConversationBlocks() {}

  static final String CLOSE = "close";

  /** The plain-text fallback of a note to the writer. */
  public static final String NOTE_TEXT =
      "A Chief of Staff wrote to you about something you wrote anonymously.";

  /**
   * Under the writer's answer box: a reply arrives the moment it is sent, and its time is visible
   * (docs/privacy.md, "What the timing of notes and replies can tell").
   */
  static final String TIMING_HINT =
      ":clock3: Your answer arrives as soon as you send it. If the moment could give you away,"
          + " answer later; opening this tells nobody anything.";

  /** A Chief of Staff starts a conversation with the asker of an anonymous question. */
  public static View startFromQuestion(AskQuestion q, String metadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(s -> s.text(markdownText("*Anonymous question:*\n" + AskBlocks.quote(q.text)))));
    blocks.add(messageInput("Your message to the asker"));
    blocks.add(anonymityNote());
    return modal(AskIds.Callbacks.CONVERSATION_START, metadata, "Reply to asker", "Send", blocks);
  }

  /** A Chief of Staff picks an anonymous comment (a pulse answer) and writes to its writer. */
  public static View startFromComments(List<AnonymousSubject> comments, String metadata) {
    List<OptionObject> options = new ArrayList<>();
    for (AnonymousSubject c : comments) {
      String label = c.source() + ": " + c.text().replaceAll("\\s+", " ");
      options.add(AskBlocks.option(SlackText.cut(label, 75), c.ref()));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(AskLayout.select(AskIds.Blocks.SUBJECT, "Anonymous comment", options));
    blocks.add(messageInput("Your message to its writer"));
    blocks.add(anonymityNote());
    return modal(
        AskIds.Callbacks.CONVERSATION_START, metadata, "Reply anonymously", "Send", blocks);
  }

  /** The writer's view: the conversation, an answer box and a way to close it. */
  public static View forWriter(AskConversations.Thread t, String metadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "A Chief of Staff wrote to you about what you wrote anonymously. *They don't"
                            + " know who you are*, and your answers stay anonymous.\n*"
                            + SlackText.escapeAndCut(t.conversation().source, 100)
                            + ":*\n"
                            + AskBlocks.quote(t.conversation().subject)))));
    addMessages(blocks, t, "Chief of Staff", "You");
    if (!t.conversation().open()) {
      blocks.add(AskLayout.hint("This conversation is closed."));
      return info("Conversation", blocks);
    }
    blocks.add(
        AskLayout.textBox(
            AskIds.Blocks.MESSAGE,
            "Your answer (anonymous)",
            AskConversations.MAX_TEXT,
            true,
            true,
            null));
    blocks.add(AskLayout.hint(TIMING_HINT));
    blocks.add(
        AskLayout.oneCheckbox(
            AskIds.Blocks.CLOSE, "Done talking?", "Close this conversation", CLOSE));
    return modal(AskIds.Callbacks.CONVERSATION_WRITER, metadata, "Conversation", "Send", blocks);
  }

  /** The Chief of Staff's view: the conversation and a reply box (the writer is "Anonymous"). */
  public static View forCos(AskConversations.Thread t, String metadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*"
                            + SlackText.escapeAndCut(t.conversation().source, 100)
                            + "* (anonymous):\n"
                            + AskBlocks.quote(t.conversation().subject)))));
    addMessages(blocks, t, "Chief of Staff", "Anonymous");
    if (!t.conversation().open()) {
      blocks.add(AskLayout.hint("The other person closed this conversation."));
      return info("Conversation", blocks);
    }
    blocks.add(messageInput("Your reply"));
    blocks.add(anonymityNote());
    return modal(AskIds.Callbacks.CONVERSATION_COS, metadata, "Conversation", "Send", blocks);
  }

  /** After sending. */
  public static View sent(boolean toWriter, boolean closed) {
    return info(
        "Conversation",
        List.of(
            section(
                s ->
                    s.text(
                        markdownText(
                            closed
                                ? "Closed. Thanks for talking; nothing more will be sent in it."
                                : toWriter
                                    ? ":white_check_mark: Sent. They get a private note from"
                                        + " cos-bot and can answer without revealing who they"
                                        + " are."
                                    : ":white_check_mark: Sent, anonymously. You'll get a note"
                                        + " if they write back.")))));
  }

  /** The note in the writer's DM: no words of the conversation, only a button. */
  public static List<LayoutBlock> note(String token) {
    return List.of(
        section(
            s ->
                s.text(
                    markdownText(
                        ":speech_balloon: A Chief of Staff wrote to you about something you wrote"
                            + " anonymously. They don't know who you are. Open it to read and"
                            + " answer, still anonymously."))),
        AskLayout.oneButton(AskIds.Actions.READ_NOTE, "Read and answer", token, true));
  }

  /** The fallback text of the message to the Chief of Staff. */
  static String cosText(AskConversation c, AskConversationMessage m) {
    return m == null ? "An anonymous conversation was closed" : "Anonymous answer";
  }

  /** The writer's answer (or closing) in the Chief of Staff's DM. */
  public static List<LayoutBlock> toCos(AskConversation c, AskConversationMessage m, String value) {
    StringBuilder text =
        new StringBuilder(":speech_balloon: *Anonymous answer* about “")
            .append(SlackText.escapeAndCut(c.subject.replaceAll("\\s+", " "), 120))
            .append("”");
    if (m != null) {
      text.append("\n").append(AskBlocks.quote(m.text));
    }
    if (!c.open()) {
      text.append("\n:lock: They closed the conversation.");
    }
    String body = SlackText.cut(text.toString(), 2_900);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(body))));
    if (c.open()) {
      blocks.add(AskLayout.oneButton(AskIds.Actions.COS_REPLY, "Reply…", value, false));
    }
    return blocks;
  }

  private static void addMessages(
      List<LayoutBlock> blocks, AskConversations.Thread t, String cos, String writer) {
    List<AskConversationMessage> messages = t.messages();
    int from = Math.max(0, messages.size() - 20);
    for (AskConversationMessage m : messages.subList(from, messages.size())) {
      String who = m.fromCos ? cos : writer;
      String body = "*" + who + ":*\n" + AskBlocks.quote(m.text);
      blocks.add(section(s -> s.text(markdownText(SlackText.cut(body, 2_900)))));
    }
  }

  private static LayoutBlock messageInput(String label) {
    return AskLayout.textBox(
        AskIds.Blocks.MESSAGE, label, AskConversations.MAX_TEXT, true, false, null);
  }

  private static LayoutBlock anonymityNote() {
    return AskLayout.hint(
        ":shield: You don't learn who they are and they don't have to tell you. They see"
            + " your message with the role *Chief of Staff*, not your name.");
  }

  private static View info(String title, List<LayoutBlock> blocks) {
    return AskLayout.info(title, blocks);
  }

  private static View modal(
      String callbackId, String metadata, String title, String submit, List<LayoutBlock> blocks) {
    return AskLayout.form(callbackId, metadata, title, submit, "Cancel", blocks);
  }
}
