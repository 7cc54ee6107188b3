package dev.cosbot.decision;

import dev.cosbot.platform.support.SlackText;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Every word the decision feature says to people, in one place. Pure functions. */
public final class DecisionMessages {
  private DecisionMessages() {}

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  // --- The ask form ----------------------------------------------------------------------------

  static final String NO_QUESTION = "Please say what needs deciding.";
  static final String QUESTION_TOO_LONG =
      "Keep the question under 300 characters; put details in the context.";
  static final String NO_DATE = "Please pick the date you need the decision by.";
  static final String DATE_IN_PAST = "That date is in the past.";
  static final String BAD_LINK = "Paste a link starting with https:// (a status update or thread).";
  static final String CONTEXT_TOO_LONG = "Keep the context under 2,000 characters.";
  static final String OPTIONS_TOO_LONG = "Keep the options under 1,000 characters.";
  static final String OVER_LIMIT =
      "You've asked for a lot of decisions in the last hour, so this one can't go out"
          + " right now. Please try again later, or talk to a Chief of Staff directly.";
  static final String FORM_FAILED =
      "Sorry, I couldn't open the form. Please try `/cos decision` again.";

  // --- The outcome forms -----------------------------------------------------------------------

  static final String PICK_DELEGATE = "Please pick the person to delegate to.";
  static final String PICK_SOMEONE_ELSE =
      "Pick someone else: choose an option to decide it yourself.";
  static final String SAY_WHAT = "Say what you need to know.";
  static final String PICK_OPTION = "Please pick one of the options.";
  static final String WRITE_REPLY = "Please write your answer.";
  static final String FORM_CHANGED = "I can't find that decision. Close this form and try again.";
  static final String NOT_ASKER = "Only the person who asked can answer this question.";
  static final String PREVIEW = "This is a preview: its buttons do nothing.";

  /** A day as a Slack date token (shown in the reader's own calendar), with a readable fallback. */
  static String day(LocalDate date) {
    // Noon UTC names the same calendar day in every zone people work in.
    long unix = date.atTime(LocalTime.NOON).toEpochSecond(ZoneOffset.UTC);
    return "<!date^" + unix + "^{date_short_pretty}|" + DAY.format(date) + ">";
  }

  static String question(Decision d, int max) {
    return "*" + SlackText.escapeAndCut(d.question, max) + "*";
  }

  static String quote(String text, int max) {
    return ">" + SlackText.escapeAndCut(text, max).replace("\n", "\n>");
  }

  // --- To the asker ----------------------------------------------------------------------------

  static String asked(Decision d, boolean cxoKnown) {
    return "Your decision request #"
        + d.id
        + " — "
        + question(d, 200)
        + " — is with "
        + (cxoKnown ? "the CXO" : "the CXO's digest")
        + ", needed by "
        + day(d.neededBy)
        + ". I'll tell you what they decide.";
  }

  /** The outcome, naming the option chosen. */
  static String outcome(Decision d) {
    String by = SlackText.mention(d.decidedBy);
    String what =
        switch (d.status) {
          case APPROVED ->
              by + " *approved* your decision request #" + d.id + ": " + question(d, 200);
          case DECLINED ->
              by + " *declined* your decision request #" + d.id + ": " + question(d, 200);
          default ->
              by
                  + " decided your request #"
                  + d.id
                  + " ("
                  + question(d, 200)
                  + "): they chose *"
                  + SlackText.escapeAndCut(d.chosenOption, 200)
                  + "*.";
        };
    return what + (d.note == null ? "" : "\n" + quote(d.note, 1_000));
  }

  static String delegatedToAsker(Decision d, String by) {
    return SlackText.mention(by)
        + " *delegated* your decision request #"
        + d.id
        + " ("
        + question(d, 200)
        + ") to "
        + SlackText.mention(d.delegatedTo)
        + ". They will decide, and I'll tell you what they choose."
        + (d.note == null ? "" : "\n" + quote(d.note, 1_000));
  }

  static String moreAsked(Decision d, String by, String question) {
    return SlackText.mention(d.askerId)
        + ", "
        + SlackText.mention(by)
        + " needs more before deciding #"
        + d.id
        + " — the request stays open:\n"
        + quote(question, 1_500)
        + "\nPress *Reply* to answer.";
  }

  static String moreAskedEcho(Decision d, String question) {
    return "You asked "
        + SlackText.mention(d.askerId)
        + ":\n"
        + quote(question, 1_500)
        + "\nTheir answer will come here.";
  }

  static String replied(Decision d, String decider, String text) {
    return SlackText.mention(decider)
        + ", "
        + SlackText.mention(d.askerId)
        + " answered about #"
        + d.id
        + " "
        + question(d, 150)
        + ":\n"
        + quote(text, 2_000);
  }

  static String replyEcho(String decider, String text) {
    return "You answered " + SlackText.mention(decider) + ":\n" + quote(text, 2_000);
  }

  // --- To the decider --------------------------------------------------------------------------

  /** The headline of a copy, by where the decision stands for the reader of that copy. */
  static String headline(Decision d, boolean live, boolean delegateCopy) {
    if (live) {
      return delegateCopy
          ? ":scales: "
              + SlackText.mention(d.decidedBy)
              + " *delegated a decision to you*, asked by "
              + SlackText.mention(d.askerId)
              + "."
              + (d.note == null ? "" : "\n" + quote(d.note, 1_000))
          : ":scales: *" + SlackText.mention(d.askerId) + " asks you for a decision.*";
    }
    return state(d);
  }

  /** Where the decision stands, in one line, for copies whose buttons are gone. */
  static String state(Decision d) {
    return switch (d.status) {
      case OPEN -> ":hourglass_flowing_sand: Waiting for a decision.";
      case DELEGATED ->
          ":arrow_right: Delegated to "
              + SlackText.mention(d.delegatedTo)
              + " by "
              + SlackText.mention(d.decidedBy)
              + ".";
      case APPROVED -> ":white_check_mark: Approved by " + SlackText.mention(d.decidedBy) + ".";
      case DECLINED -> ":x: Declined by " + SlackText.mention(d.decidedBy) + ".";
      case DECIDED ->
          ":white_check_mark: "
              + SlackText.mention(d.decidedBy)
              + " chose *"
              + SlackText.escapeAndCut(d.chosenOption, 200)
              + "*.";
      case MORE_INFO ->
          ":grey_question: " + SlackText.mention(d.decidedBy) + " asked for more information.";
    };
  }

  static String cardFallback(Decision d) {
    return "Decision #" + d.id + ": " + SlackText.escapeAndCut(d.question, 150);
  }

  static String neededBy(Decision d) {
    return "Needed by " + day(d.neededBy) + " · asked by " + SlackText.mention(d.askerId);
  }

  static String options(List<String> choices) {
    StringBuilder out = new StringBuilder("*Options*");
    for (int i = 0; i < choices.size(); i++) {
      out.append("\n")
          .append(i + 1)
          .append(". ")
          .append(SlackText.escapeAndCut(choices.get(i), 150));
    }
    return out.toString();
  }

  static String choosing(Decision d, String option) {
    return question(d, 200)
        + "\nYou're choosing *"
        + SlackText.escapeAndCut(option, 200)
        + "*. "
        + SlackText.mention(d.askerId)
        + " will be told, and every copy of the request will show it.";
  }

  static String overdue(Decision d) {
    return ":alarm_clock: Decision #"
        + d.id
        + " is past its needed-by date ("
        + day(d.neededBy)
        + ") and still open: "
        + question(d, 200)
        + " — asked by "
        + SlackText.mention(d.askerId)
        + ". `/cos digest pin decision:"
        + d.id
        + "` puts it at the top of the next digest.";
  }

  /** The private answer to the person who acted. */
  static String answer(DecisionService.Outcome outcome) {
    if (outcome instanceof DecisionService.Outcome.NotFound) {
      return "I can't find that decision. Type `/cos decisions` to see the open ones.";
    }
    if (outcome instanceof DecisionService.Outcome.NotYours n) {
      Decision d = n.decision();
      return d.status == DecisionStatus.DELEGATED
          ? "Sorry, decision #"
              + d.id
              + " was delegated to "
              + SlackText.mention(d.delegatedTo)
              + ": they decide it now."
          : "Sorry, only the CXO can make this decision. Chiefs of Staff can pin or mute it in the digest.";
    }
    if (outcome instanceof DecisionService.Outcome.Already a) {
      return "Decision #" + a.decision().id + " was already settled. " + state(a.decision());
    }
    if (outcome instanceof DecisionService.Outcome.Decided o) {
      return "Recorded. "
          + state(o.decision())
          + " "
          + SlackText.mention(o.decision().askerId)
          + " has been told.";
    }
    if (outcome instanceof DecisionService.Outcome.Delegated o) {
      return "Delegated to "
          + SlackText.mention(o.decision().delegatedTo)
          + ". "
          + SlackText.mention(o.decision().askerId)
          + " has been told.";
    }
    if (outcome instanceof DecisionService.Outcome.MoreAsked o) {
      return "Sent to "
          + SlackText.mention(o.decision().askerId)
          + ". The request stays open; their answer will come in your thread.";
    }
    if (outcome instanceof DecisionService.Outcome.Replied) {
      return "Sent. I'll tell you what they decide.";
    }
    return null;
  }

  // --- The log ---------------------------------------------------------------------------------

  static String log(List<Decision> log, boolean openOnly, boolean everything) {
    if (log.isEmpty()) {
      return openOnly
          ? "No open decisions."
          : "The decision log is empty. Ask the CXO for one with `/cos decision`.";
    }
    StringBuilder out =
        new StringBuilder("*Decision log*")
            .append(everything ? "" : " (the decisions you asked or were delegated)")
            .append(" — newest first\n");
    for (Decision d : log) {
      out.append(d.status.emoji())
          .append(" *#")
          .append(d.id)
          .append("* ")
          .append(SlackText.escapeAndCut(d.question, 120))
          .append(" — ")
          .append(d.status.label().toLowerCase(Locale.ROOT));
      if (d.chosenOption != null) {
        out.append(": ").append(SlackText.escapeAndCut(d.chosenOption, 80));
      }
      if (d.status == DecisionStatus.OPEN) {
        out.append(", needed by ").append(day(d.neededBy));
      } else if (d.decidedBy != null) {
        out.append(" by ").append(SlackText.mention(d.decidedBy));
      }
      if (d.delegatedTo != null) {
        out.append(" to ").append(SlackText.mention(d.delegatedTo));
      }
      out.append(", asked by ").append(SlackText.mention(d.askerId)).append('\n');
    }
    return SlackText.cut(out.toString(), 3_000);
  }

  /** A digest line for a decision made since the last digest. */
  static String decidedLine(Decision d) {
    return d.status.emoji()
        + " Decision #"
        + d.id
        + " "
        + d.status.label().toLowerCase(Locale.ROOT)
        + (d.chosenOption == null ? "" : " (" + SlackText.escapeAndCut(d.chosenOption, 60) + ")")
        + ": "
        + SlackText.escapeAndCut(d.question, 150)
        + (d.delegatedTo == null ? "" : " → " + SlackText.mention(d.delegatedTo));
  }

  /** A digest line for an open decision. */
  static String openLine(Decision d, boolean overdue) {
    StringBuilder text =
        new StringBuilder(":scales: *Decision #")
            .append(d.id)
            .append(":* ")
            .append(SlackText.escapeAndCut(d.question, 140))
            .append(" — asked by ")
            .append(SlackText.mention(d.askerId))
            .append(", needed by ")
            .append(day(d.neededBy));
    if (overdue) {
      text.append(" *(overdue)*");
    }
    if (d.hasOptions()) {
      text.append("\n_Options:_ ")
          .append(SlackText.escapeAndCut(String.join(" / ", d.choices()), 80));
    }
    return SlackText.cut(text.toString(), 300);
  }
}
