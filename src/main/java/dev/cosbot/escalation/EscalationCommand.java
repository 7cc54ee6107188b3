package dev.cosbot.escalation;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.command.CosCommand;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.ingress.command.CosSubcommand;
import dev.cosbot.ingress.command.HelpLine;
import dev.cosbot.platform.people.PersonCheck;
import dev.cosbot.platform.people.Role;
import dev.cosbot.platform.support.SlackText;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * {@code /cos escalate}, {@code /cos escalations [mine|open|<area>]} and {@code /cos route
 * add|list|remove}.
 */
@ApplicationScoped
public class EscalationCommand implements CosSubcommand {
  @Inject EscalationService service;
  @Inject PersonCheck people;
  @Inject EscalationReads reads;
  @Inject EscalationRaiseOpener opener;
  @Inject Clock clock;

  @Override
  public List<String> names() {
    return List.of("escalate", "escalations", "route");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine(
            "/cos escalate [text]", "raise an escalation (same as /escalate)", Role.MEMBER),
        new HelpLine(
            "/cos escalations [mine|open|<area>]",
            "open escalations by severity and age",
            Role.MEMBER),
        new HelpLine(
            "/cos route add area \"Security\" owner @user [channel #ch] [backup @user]",
            "route escalations",
            Role.ADMIN),
        new HelpLine(
            "/cos route list | remove <n>", "see or remove escalation routing rules", Role.ADMIN));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    return switch (cmd.name()) {
      case "escalate" -> {
        View view = opener.form(EscalationBlocks.Prefill.fromText(cmd.rest(), null));
        ctx.client().viewsOpen(r -> r.triggerId(cmd.triggerId()).view(view));
        yield ctx.ack();
      }
      case "escalations" -> CosCommandRouter.ephemeral(ctx, list(cmd));
      default -> CosCommandRouter.ephemeral(ctx, route(cmd));
    };
  }

  private String list(CosCommand cmd) {
    String filter = cmd.rest().trim();
    List<Escalation> items;
    String heading;
    if (filter.isEmpty() || filter.equalsIgnoreCase("open")) {
      items = reads.unresolved();
      heading = "Open escalations";
    } else if (filter.equalsIgnoreCase("mine")) {
      items = reads.mine(cmd.caller().userId());
      heading = "Your open escalations";
    } else {
      List<String> areas = reads.areas();
      items = EscalationReads.visible(cmd.caller(), reads.unresolvedInArea(filter));
      if (items.isEmpty() && areas.stream().noneMatch(a -> a.equalsIgnoreCase(filter))) {
        return "There is no area called “"
            + SlackText.escapeAndCut(filter, 80)
            + "”. The areas are: "
            + SlackText.escapeAndCut(String.join(", ", areas), 1000)
            + ". Or try `/cos escalations mine`.";
      }
      heading = "Open escalations in " + SlackText.escapeAndCut(filter, 80);
    }
    return EscalationBlocks.list(
        heading,
        EscalationReads.visible(cmd.caller(), items),
        clock.instant(),
        cmd.caller().isAdmin());
  }

  private String route(CosCommand cmd) {
    cmd.caller().requireAdmin();
    return switch (cmd.arg(0).toLowerCase(Locale.ROOT)) {
      case "add" -> {
        List<String> words = cmd.args().subList(1, cmd.args().size());
        // The people a rule names must exist; asked outside the rule's transaction.
        EscalationRoute parsed = EscalationRouting.parseAdd(words);
        people.requireExisting(parsed.ownerUser, "`owner @ana`");
        people.requireExisting(parsed.backupUser, "`backup @ben`");
        EscalationRoute r = service.addRoute(cmd.caller(), words);
        yield "Added rule *#" + r.id + "*: " + EscalationBlocks.rule(r);
      }
      case "list" -> EscalationBlocks.rules(service.listRoutes(cmd.caller()));
      case "remove" -> removeRoute(cmd);
      default ->
          EscalationRouting.ADD_USAGE + "\nAlso: `/cos route list`, `/cos route remove <n>`.";
    };
  }

  private String removeRoute(CosCommand cmd) {
    long id;
    try {
      id = Long.parseLong(cmd.arg(1).replace("#", "").trim());
    } catch (NumberFormatException ex) {
      throw new UserFacingException(
          "Usage: `/cos route remove <rule number>` (see `/cos route list`).");
    }
    return service.removeRoute(cmd.caller(), id)
        ? "Removed rule #" + id + ". Escalations it routed keep their owner."
        : "There is no rule #" + id + ". See `/cos route list`.";
  }
}
