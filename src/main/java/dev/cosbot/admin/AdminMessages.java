package dev.cosbot.admin;

import dev.cosbot.platform.outbox.OutboxStore;
import dev.cosbot.platform.support.SlackText;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every word of {@code /cos admin}: answers, refusals and the DM to a new Chief of Staff. */
final class AdminMessages {
  private AdminMessages() {}

  static final String BOT_OR_DEACTIVATED_ADMIN =
      "That account is a bot or deactivated, so it can't be a Chief of Staff.";
  static final String BOT_OR_DEACTIVATED_CXO =
      "That account is a bot or deactivated, so it can't be the CXO.";
  static final String LAST_ADMIN =
      "That would leave nobody to run cos-bot. Add another Chief of Staff first.";

  static String configuredAdmin(String userId) {
    return SlackText.mention(userId)
        + " is named in COSBOT_ADMINS, so they stay a Chief of Staff."
        + " Change that setting to remove them.";
  }

  static String change(AdminService.Change change) {
    String who = SlackText.mention(change.userId());
    return switch (change.outcome()) {
      case ADDED -> "Done: " + who + " is now a Chief of Staff.";
      case ALREADY_ADMIN -> who + " is already a Chief of Staff.";
      case REMOVED -> "Done: " + who + " is no longer a Chief of Staff.";
      case NOT_ADMIN -> who + " is not a Chief of Staff.";
      case CXO_NAMED ->
          "Done: "
              + who
              + " is the CXO. I've sent them a welcome that says what comes and when;"
              + " their daily digest starts with the next working morning.";
    };
  }

  /** The DM to someone just made a Chief of Staff. */
  static String youAreAdmin(String by) {
    return SlackText.mention(by)
        + " made you a Chief of Staff in cos-bot. Type `/cos help` to see what you can do.";
  }

  static String team(List<String> admins, Optional<String> cxo) {
    String names = admins.stream().map(SlackText::mention).collect(Collectors.joining(", "));
    return "*Chiefs of Staff:* "
        + (names.isEmpty() ? "none" : names)
        + "\n*CXO:* "
        + cxo.map(SlackText::mention).orElse("not named yet — `/cos admin cxo @user` names them");
  }

  /** One message Slack refused for good, in words: what, where, why and what to do. */
  record Failed(String what, String channel, String error, int attempts) {}

  static String outbox(long waiting, long failed, List<Failed> recent) {
    StringBuilder text = new StringBuilder();
    if (waiting == 0 && failed == 0) {
      return "*Outbox*: nothing waiting and nothing failed. :white_check_mark:";
    }
    text.append("*Outbox*: ")
        .append(plural(waiting, "message", "messages"))
        .append(" waiting to go out, ")
        .append(failed)
        .append(" that Slack refused.\n");
    for (Failed f : recent) {
      text.append("• ")
          .append(f.what())
          .append(DeadLetterBlocks.where(f.channel()))
          .append(": ")
          .append(DeadLetterBlocks.advice(f.error()))
          .append(" (tried ")
          .append(f.attempts() == 1 ? "once" : f.attempts() + " times")
          .append(")\n");
    }
    if (!recent.isEmpty()) {
      text.append("Fix the cause first, then `/cos admin outbox retry` sends them again.");
    }
    return SlackText.cut(text.toString(), 3000);
  }

  static String retried(OutboxStore.Requeued r) {
    if (r.requeued() == 0 && r.expired() == 0) {
      return "No failed messages to retry.";
    }
    String text =
        r.requeued() == 0
            ? "Nothing to send again."
            : "Sending " + plural(r.requeued(), "failed message", "failed messages") + " again.";
    if (r.expired() > 0) {
      text +=
          " "
              + plural(r.expired(), "message was", "messages were")
              + " no longer useful (e.g. a reminder for a meeting that already happened), so"
              + (r.expired() == 1 ? " it was" : " they were")
              + " dropped instead of being sent late.";
    }
    return text;
  }

  private static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
