package dev.cosbot.home;

import dev.cosbot.ingress.command.HelpBlocks;
import dev.cosbot.ingress.command.HelpLine;
import dev.cosbot.platform.people.Caller;
import java.util.List;

/** Every word of the Home tab and the Messages tab, in one voice. */
final class HomeMessages {
  private HomeMessages() {}

  static final String TITLE = "cos-bot";

  /** One line under the title: what this Home is for, for this person's role. */
  static String intro(Caller caller) {
    if (caller.isAdmin()) {
      return "You're a *Chief of Staff*: start something new, then keep an eye on what is open"
          + " below.";
    }
    if (caller.isCxo()) {
      return "What needs you today. Your digest arrives each working morning.";
    }
    return "Post your updates, answer surveys and raise problems from here.";
  }

  /** A primary action that runs a {@code /cos} command for the person who clicks it. */
  record CommandAction(String label, String command) {}

  /** cos-bot's own primary actions for a role, most useful first. */
  static List<CommandAction> commandActions(Caller caller) {
    if (caller.isAdmin()) {
      return List.of(
          new CommandAction("New initiative", "initiative new"),
          new CommandAction("New survey", "pulse new"),
          new CommandAction("New cadence", "cadence new"));
    }
    if (caller.isCxo()) {
      return List.of(
          new CommandAction("Decisions waiting", "decisions open"),
          new CommandAction("Today's digest", "digest today"));
    }
    return List.of(
        new CommandAction("Post update", "status"), new CommandAction("Escalate", "escalate"));
  }

  static final String HELP_FOOTER = "Type `/cos help` for everything else.";

  static final String EXPIRED = "That button has expired. Open the Home tab again to refresh it.";

  /** The guide the Messages tab answers with. */
  static String messagesTabGuide(
      List<HelpLine> lines, Caller caller, String askWho, boolean helpAsked) {
    return HelpBlocks.messagesTabGuide(lines, caller, askWho, helpAsked);
  }

  /** One guide per message typed (a retried event answers once). */
  static String guideKey(String channelId, String ts) {
    return "im-guide:" + channelId + ":" + ts;
  }

  /** One Home publish per opening (a retried event publishes once). */
  static String publishKey(String userId, String eventId) {
    return "home:" + userId + ":" + eventId;
  }

  /** One answer per click on a Home action. */
  static String actionAnswerKey(String userId, String actionTs) {
    return "home-action:" + userId + ":" + actionTs;
  }
}
