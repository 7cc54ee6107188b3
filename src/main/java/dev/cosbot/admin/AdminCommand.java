package dev.cosbot.admin;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.command.CommandText;
import dev.cosbot.ingress.command.CosCommand;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.ingress.command.CosSubcommand;
import dev.cosbot.ingress.command.HelpLine;
import dev.cosbot.platform.outbox.OutboxMessage;
import dev.cosbot.platform.outbox.OutboxStatus;
import dev.cosbot.platform.outbox.OutboxStore;
import dev.cosbot.platform.people.PersonCheck;
import dev.cosbot.platform.people.Role;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** {@code /cos admin …}: who the Chiefs of Staff and the CXO are, and the state of the outbox. */
@ApplicationScoped
public class AdminCommand implements CosSubcommand {
  private static final String USAGE =
      "Usage: `/cos admin add @user`, `/cos admin remove @user`, `/cos admin cxo @user`, `/cos admin list`,"
          + " `/cos admin outbox`, `/cos admin outbox retry`";

  @Inject AdminService admins;
  @Inject OutboxStore outbox;
  @Inject PersonCheck people;
  @Inject java.time.Clock clock;

  @Override
  public List<String> names() {
    return List.of("admin");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine(
            "/cos admin add|remove @user", "make someone a Chief of Staff, or not", Role.ADMIN),
        new HelpLine("/cos admin cxo @user", "name the executive cos-bot works for", Role.ADMIN),
        new HelpLine("/cos admin list", "who runs cos-bot", Role.ADMIN),
        new HelpLine(
            "/cos admin outbox [retry]",
            "messages waiting or failed; retry the failed ones",
            Role.ADMIN));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    cmd.caller().requireAdmin();
    String action = cmd.arg(0).toLowerCase();
    String text =
        switch (action) {
          case "add" -> admins.addAdmin(cmd.caller(), existing(user(cmd)));
          case "remove" -> admins.removeAdmin(cmd.caller(), user(cmd));
          case "cxo" -> admins.setCxo(cmd.caller(), existing(user(cmd)));
          case "list" -> admins.describe();
          case "outbox" -> "retry".equalsIgnoreCase(cmd.arg(1)) ? retry() : outboxSummary();
          default -> USAGE;
        };
    return CosCommandRouter.ephemeral(ctx, text);
  }

  /** The user id, if Slack does not say there is no such person. */
  private String existing(String userId) {
    people.requireExisting(userId, "`/cos admin add @ana`");
    return userId;
  }

  private static String user(CosCommand cmd) {
    String id = CommandText.userId(cmd.arg(1));
    if (id == null) {
      throw new UserFacingException(
          "Please mention the person, e.g. `/cos admin " + cmd.arg(0) + " @ana`.");
    }
    return id;
  }

  private String outboxSummary() throws Exception {
    long pending = outbox.count(OutboxStatus.PENDING) + outbox.count(OutboxStatus.SENDING);
    List<OutboxMessage> dead = admins.deadLetters(10);
    StringBuilder text = new StringBuilder();
    text.append("*Outbox*: ")
        .append(pending)
        .append(" waiting, ")
        .append(outbox.count(OutboxStatus.DEAD))
        .append(" failed.\n");
    for (OutboxMessage m : dead) {
      text.append("• #")
          .append(m.id)
          .append(" `")
          .append(m.method)
          .append("` → ")
          .append(m.lastError == null ? "?" : m.lastError)
          .append(" (")
          .append(m.attempts)
          .append(" attempts)\n");
    }
    if (!dead.isEmpty()) {
      text.append(
          "Fix the cause (e.g. invite the bot to the channel), then `/cos admin outbox retry`.");
    }
    return text.toString();
  }

  private String retry() throws Exception {
    OutboxStore.Requeued r = outbox.requeueDead(clock.instant());
    if (r.requeued() == 0 && r.expired() == 0) {
      return "No failed messages to retry.";
    }
    String text =
        r.requeued() == 0
            ? "Nothing to send again."
            : r.requeued() == 1
                ? "Sending 1 failed message again."
                : "Sending " + r.requeued() + " failed messages again.";
    if (r.expired() > 0) {
      text +=
          " "
              + r.expired()
              + " were no longer useful (e.g. a reminder for a meeting that already happened), so"
              + " they were dropped instead of being sent late.";
    }
    return text;
  }
}
