package dev.cosbot.status;

import dev.cosbot.platform.support.SlackText;
import java.util.List;

/** The words of the status feature's short answers, refusals and field errors, in one voice. */
public final class StatusMessages {
  private StatusMessages() {}

  static final String ONLY_ADMINS = "Only a Chief of Staff can change this.";
  static final String CHOOSE_ZONE = "Choose a time zone.";
  static final String FORM_GONE =
      "I can't find that initiative. Close this form and open it again.";
  static final String BUTTON_GONE =
      "I can't find that initiative. Type `/cos initiatives` to see them.";
  static final String USAGE =
      "Usage: `/cos initiative new`, `/cos initiative edit <name>`, `/cos initiative done <name>`";

  /**
   * {@code /cos report <name>} named neither an initiative nor a team; {@code suggestion} is the
   * closest name (or null).
   */
  public static String noSuchReportTarget(String name, String suggestion) {
    return "There's no initiative or team called “"
        + SlackText.escapeAndCut(name, 80)
        + "”."
        + (suggestion == null
            ? ""
            : " Did you mean `/cos report " + SlackText.escapeAndCut(suggestion, 80) + "`?")
        + " `/cos initiatives` lists them; `/cos report` covers everything.";
  }

  /** {@code /cos initiative done}: the initiative left the portfolio. */
  public static String done(Initiative i) {
    return ":white_check_mark: *"
        + SlackText.escapeAndCut(i.name, 80)
        + "* is done. It stays in the history and leaves the portfolio.";
  }

  /** Slack did not open a form (an expired trigger, an outage). */
  public static String formNotOpened(String error) {
    return "Sorry, Slack did not open the form (" + error + "). Please try again.";
  }

  /** The words for a refusal of the status service. */
  public static String refusal(StatusRefusal r) {
    String name = r.typed() == null ? "" : SlackText.escapeAndCut(r.typed(), 80);
    return switch (r.reason()) {
      case NAME_MISSING ->
          "Which initiative? Give its name, e.g. `/cos initiative edit \"Payments v2\"`.";
      case NO_SUCH_INITIATIVE ->
          "I don't know an initiative called “"
              + name
              + "”."
              + didYouMean(r.choices())
              + " `/cos initiatives` lists them.";
      case GONE -> "That initiative no longer exists. `/cos initiatives` lists the open ones.";
      case DONE -> "*" + name + "* is done; it takes no more updates.";
      case NOT_OWNER -> "Only the owner of *" + name + "* or a Chief of Staff can change it.";
      case NOT_UPDATER ->
          "Only the owner or DRI of *" + name + "* (or a Chief of Staff) can post its update.";
      case OWNS_NONE ->
          "You don't own an initiative. Use `/cos status <initiative>` or `/cos initiatives` to"
              + " find one.";
      case WHICH_ONE ->
          "Which one? "
              + String.join(
                  " ",
                  r.choices().stream()
                      .map(n -> "`/cos status \"" + SlackText.escapeAndCut(n, 80) + "\"`")
                      .toList());
      case NAME_TAKEN -> "An initiative with this name already exists.";
    };
  }

  private static String didYouMean(List<String> choices) {
    if (choices.isEmpty()) {
      return "";
    }
    return " Did you mean "
        + String.join(
            " or ", choices.stream().map(c -> "*" + SlackText.escapeAndCut(c, 80) + "*").toList())
        + "?";
  }

  /** The words next to a field the form could not take. */
  public static String problem(StatusField field, FieldProblem p) {
    return switch (p.kind()) {
      case REQUIRED ->
          field == StatusField.TEAM ? "Choose a team or type a new one." : "This is required.";
      case TOO_LONG -> "Keep it under " + p.max() + " characters (now " + p.length() + ").";
      case ONE_LINE -> "Keep the name on one line.";
      case PAST -> "The target date is in the past.";
      case RISKS_NEEDED -> "Say what puts it at risk when it is not on track.";
      case ASK_NEEDED -> "Write the ask for the person you chose.";
      case PERCENT_RANGE -> "Enter a whole number from 0 to 100.";
      case TAKEN -> "An initiative with this name already exists.";
      case TWO_TEAMS -> "Choose a team from the list or type a new one, not both.";
      case CHOOSE -> choose(field);
    };
  }

  private static String choose(StatusField field) {
    return switch (field) {
      case OWNER -> "Choose the owner.";
      case EVERY -> "Choose how often updates are due.";
      case DAY -> "Choose the day updates are due.";
      case TIME -> "Choose the time updates are due (the owner's local time).";
      case TARGET -> "Pick a date.";
      case STATE -> "Choose a state.";
      case RAG -> "Choose on track, at risk or off track.";
      case CONFIDENCE -> "Choose how confident you are.";
      default -> "Choose one.";
    };
  }

  static final String ASK_GONE = "That ask isn't open any more.";
  static final String NOT_YOUR_ASK =
      "That ask was addressed to someone else, so only they can reply.";
  static final String ASK_ALREADY_REPLIED = "You already replied to that ask.";
  static final String WRITE_REPLY = "Write your reply.";

  /** Why an ask can't be replied to. */
  static String askRefusal(StatusService.AskReplyOutcome refusal) {
    return switch (refusal) {
      case NOT_YOURS -> NOT_YOUR_ASK;
      case ALREADY_REPLIED -> ASK_ALREADY_REPLIED;
      case GONE, SENT -> ASK_GONE;
    };
  }

  static final String CHOOSE_CHANNEL = "Choose a channel.";
  static final String NOT_IN_CHANNEL = "You can share only to a channel you're in.";
  static final String INVITE_ME =
      "I can't post there yet: invite me to that channel (type `/invite` there), then share again.";
  static final String REPORT_GONE =
      "That report can't be shared any more. Run `/cos report` again.";

  /** The requester learns where the report went. */
  static String reportShared(String channel) {
    return ":white_check_mark: I posted the status report to <#" + channel + ">.";
  }

  // Digest lines (the digest shows them as the status feature words them).

  /** A RAG change since the last digest: red, at risk or back on track. */
  static String digestRagChange(Rag to, String name, String team, String summary) {
    String what =
        switch (to) {
          case RED -> " turned red";
          case AMBER -> " is at risk";
          case GREEN -> " is back on track";
        };
    return to.emoji()
        + " *"
        + SlackText.escapeAndCut(name, 80)
        + "* ("
        + SlackText.escapeAndCut(team, 40)
        + ")"
        + what
        + (summary == null ? "" : ": " + SlackText.escapeAndCut(summary, 120));
  }

  static String digestAsk(String authorId, String name, String asks) {
    return ":raising_hand: "
        + SlackText.mention(authorId)
        + " asks you on *"
        + SlackText.escapeAndCut(name, 80)
        + "*: "
        + SlackText.escapeAndCut(asks, 120);
  }

  static String digestMissing(String name, String ownerId) {
    return ":x: Update missing on *"
        + SlackText.escapeAndCut(name, 80)
        + "* (owner "
        + SlackText.mention(ownerId)
        + ")";
  }

  static String digestStale(String name, int missedInRow, String ownerId) {
    return ":warning: *"
        + SlackText.escapeAndCut(name, 80)
        + "* is stale: "
        + missedInRow
        + " updates missed in a row (owner "
        + SlackText.mention(ownerId)
        + ")";
  }

  static String digestComplete(String name) {
    return ":tada: *" + SlackText.escapeAndCut(name, 80) + "* reports 100% complete";
  }

  static String digestTeamSignal(long red, long amber) {
    return red + " red, " + amber + " amber";
  }
}
