package dev.cosbot.ask;

/** The words of questions to leadership that are not Block Kit: refusals and short answers. */
public final class AskMessages {
  private AskMessages() {}

  public static final String GONE = "I can't find that question any more.";
  public static final String MERGE_TARGET_GONE =
      "That question can't take duplicates any more (it was answered, declined or merged)."
          + " Pick another one.";
  public static final String NOT_YOURS = "That note isn't for you, so I can't open it.";
  public static final String NO_LONGER_WAITING =
      "That rewording isn't waiting for you any more: a Chief of Staff has already moved the"
          + " question on.";
  public static final String NOT_OPEN =
      "That question isn't open any more, so there's nothing to answer.";
  public static final String TOO_SHORT =
      "Please write a little more (at least " + AskService.MIN_TEXT + " characters).";
  public static final String TOO_LONG =
      "Please keep it under " + AskService.MAX_TEXT + " characters.";
  public static final String OVER_LIMIT =
      "You've sent "
          + AskService.HOURLY_LIMIT
          + " questions in the last hour, so this one can't go out right now. Please try again"
          + " later.";
  public static final String PICK_ONE = "Pick the question it duplicates.";
  public static final String REASON_NEEDED =
      "Say in a sentence why, so the asker isn't left guessing.";
  public static final String ANSWER_NEEDED = "Write the answer or give a link to the recording.";
  public static final String BAD_LINK = "Give a web address starting with https:// or http://.";
  public static final String ADMINS_ONLY =
      "Only a Chief of Staff can review questions. To ask one yourself: `/cos ask`.";
  public static final String UNREACHABLE =
      "I can't reach the writer any more (cos-bot's secret changed since they wrote), sorry.";
  public static final String QUESTION_SOURCE = "Question to leadership";
  public static final String SUBJECT_GONE =
      "That comment can't be replied to any more (replies are possible for 30 days after the"
          + " survey closed).";
  public static final String CONVERSATION_GONE = "I can't find that conversation any more.";
  public static final String CONVERSATION_CLOSED =
      "That conversation was closed, so nothing more can be sent in it.";
  public static final String MESSAGE_NEEDED = "Write a message.";
  public static final String MESSAGE_OR_CLOSE = "Write an answer, or tick the box to close.";
  public static final String PICK_COMMENT = "Pick the comment you want to reply to.";
  public static final String NOTHING_TO_REPLY =
      "There are no anonymous comments to reply to right now (only comments of surveys closed in"
          + " the last 30 days that met their minimum of answers).";
  public static final String CANT_OPEN_FORM =
      "Sorry, I couldn't open the form. Please try `/cos ask` again.";

  /** Someone moderated the question first. */
  public static String alreadyModerated(AskStatus status) {
    return "Someone already handled that question: it's " + label(status) + ".";
  }

  /** A status in words. */
  public static String label(AskStatus status) {
    return switch (status) {
      case PENDING -> "waiting for review";
      case OPEN -> "open for votes";
      case MERGED -> "merged into a similar question";
      case DECLINED -> "declined";
      case ANSWERED -> "answered";
    };
  }

  /** "1 up-vote", "3 up-votes". */
  public static String votes(long n) {
    return n + (n == 1 ? " up-vote" : " up-votes");
  }

  public static final String MEETING_USAGE =
      "Name the meeting (a cadence): `/cos ask meeting \"All-hands\"`, or add `off` to stop it"
          + " taking questions.";

  /** No cadence by that name (that the caller may see). */
  public static String noSuchMeeting(String name, java.util.List<String> known) {
    String lower = squash(name);
    String close =
        known.stream()
            .filter(
                k -> {
                  String l = squash(k);
                  return !l.isEmpty()
                      && !lower.isEmpty()
                      && (l.contains(lower) || lower.contains(l));
                })
            .findFirst()
            .orElse(null);
    return "I don't know a meeting called \""
        + dev.cosbot.platform.support.SlackText.escapeAndCut(name, 80)
        + "\"."
        + (close == null
            ? " `/cos cadence list` shows the meetings."
            : " Did you mean \""
                + dev.cosbot.platform.support.SlackText.escapeAndCut(close, 80)
                + "\"?");
  }

  /** "2 anonymous conversations wait for a reply (the buttons in your DMs)." */
  public static String conversationsWaiting(long n) {
    return (n == 1 ? "1 anonymous conversation waits" : n + " anonymous conversations wait")
        + " for a Chief of Staff's reply (the *Reply…* buttons in your DMs).";
  }

  /** Letters and digits only, lower case: "All-hands" and "all hands" look alike. */
  private static String squash(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** The meeting now takes questions (or no longer does). */
  public static String meetingMarked(dev.cosbot.platform.spi.Meeting m, boolean on) {
    String name = "*" + dev.cosbot.platform.support.SlackText.escapeAndCut(m.name(), 80) + "*";
    return on
        ? ":raising_hand: "
            + name
            + " now takes questions: its reminders list the top questions by up-votes, and the"
            + " CXO's digest shows the top three in the "
            + AskDigestSource.DAYS_BEFORE
            + " days before. After the meeting, record the answers from `/cos ask queue`."
        : name + " no longer takes questions.";
  }

  /** The label of the Messages tab's offer. */
  public static final String MESSAGES_TAB_BUTTON = "Ask leadership";

  /**
   * Under the Messages tab reply: what the button does, and plainly what is kept where (cos-bot
   * keeps nothing of this DM; Slack keeps the DM itself, as it keeps every DM).
   */
  public static final String MESSAGES_TAB_OFFER =
      ":raising_hand: *Is that a question for leadership?* Press *Ask leadership* to send it from"
          + " a form you can still edit, anonymous unless you tick the box there. cos-bot doesn't"
          + " keep what you type here, and the question it stores isn't linked to you; Slack"
          + " itself keeps this conversation, as it keeps every direct message, so delete your"
          + " message here if you want it gone.";
}
