package dev.cosbot.admin;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.command.CommandText;
import dev.cosbot.ingress.command.CosCommand;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.ingress.command.CosSubcommand;
import dev.cosbot.ingress.command.HelpLine;
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
  @Inject AdminService admins;
  @Inject OutboxStore outbox;
  @Inject PersonCheck people;
  @Inject java.time.Clock clock;
  @Inject DeadLetterNotices notices;

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
          case "add" -> AdminMessages.change(admins.addAdmin(cmd.caller(), existing(user(cmd))));
          case "remove" -> AdminMessages.change(admins.removeAdmin(cmd.caller(), user(cmd)));
          case "cxo" -> AdminMessages.change(admins.setCxo(cmd.caller(), existing(user(cmd))));
          case "list" -> {
            AdminService.Team team = admins.team();
            yield AdminMessages.team(team.admins(), team.cxo());
          }
          case "outbox" ->
              "retry".equalsIgnoreCase(cmd.arg(1))
                  ? AdminMessages.retried(outbox.requeueDead(clock.instant()))
                  : outboxSummary();
          // The router answers anything else with the usage before it gets here.
          default -> throw new IllegalStateException("unrouted /cos admin " + action);
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
    long waiting = outbox.count(OutboxStatus.PENDING) + outbox.count(OutboxStatus.SENDING);
    List<AdminMessages.Failed> recent =
        admins.deadLetters(10).stream()
            .map(
                m ->
                    new AdminMessages.Failed(
                        notices.describe(m.idempotencyKey), m.channel, m.lastError, m.attempts))
            .toList();
    return AdminMessages.outbox(waiting, outbox.count(OutboxStatus.DEAD), recent);
  }
}
