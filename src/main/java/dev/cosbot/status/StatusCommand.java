package dev.cosbot.status;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.cosbot.ingress.command.CosCommand;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.ingress.command.CosSubcommand;
import dev.cosbot.ingress.command.HelpLine;
import dev.cosbot.ingress.command.Suggest;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * {@code /cos initiative new|edit|done}, {@code /cos initiatives [team]}, {@code /cos status
 * [initiative]}, {@code /cos report [team|initiative]}.
 */
@ApplicationScoped
public class StatusCommand implements CosSubcommand {
  private static final Logger LOG = Logger.getLogger(StatusCommand.class);

  @Inject dev.cosbot.platform.support.SignedMetadata signer;
  @Inject StatusService service;
  @Inject StatusReports reports;
  @Inject StatusSettings settings;
  @Inject Clock clock;
  @Inject PeopleDirectory people;

  @Override
  public List<String> names() {
    return List.of("initiative", "initiatives", "status", "report");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine(
            "/cos initiative new",
            "add an initiative to the portfolio (owner, team, update cadence)",
            Role.MEMBER),
        new HelpLine(
            "/cos initiative edit|done <name>",
            "change or close an initiative you own",
            Role.MEMBER),
        new HelpLine(
            "/cos initiatives [team]", "the portfolio, or one team's part of it", Role.MEMBER),
        new HelpLine("/cos status [initiative]", "post a status update now", Role.MEMBER),
        new HelpLine(
            "/cos report [team|initiative]", "the status rollup of the last 7 days", Role.MEMBER));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    return switch (cmd.name()) {
      case "initiatives" ->
          CosCommandRouter.ephemeral(
              ctx,
              StatusBlocks.initiativesText(
                  Initiative.open(blankToNull(String.join(" ", cmd.args()))),
                  blankToNull(String.join(" ", cmd.args())),
                  people::zoneOf));
      case "status" -> {
        Initiative i = service.forStatus(cmd.caller(), blankToNull(String.join(" ", cmd.args())));
        yield open(
            ctx,
            cmd,
            StatusBlocks.updateModal(i, service.last(i).orElse(null), signer.signId(i.id)));
      }
      case "report" -> report(cmd, ctx);
      default -> initiative(cmd, ctx);
    };
  }

  private Response initiative(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    String action = cmd.arg(0).toLowerCase(Locale.ROOT);
    String name =
        cmd.args().size() > 1
            ? blankToNull(String.join(" ", cmd.args().subList(1, cmd.args().size())))
            : null;
    return switch (action) {
      case "new" ->
          open(
              ctx,
              cmd,
              StatusBlocks.initiativeModal(
                  null,
                  cmd.caller().userId(),
                  signer.sign(StatusIds.NEW_INITIATIVE),
                  Initiative.openTeams()));
      case "edit" -> {
        Initiative i = service.byNameOrThrow(name);
        StatusService.requireOwnerOrAdmin(cmd.caller(), i);
        yield open(
            ctx,
            cmd,
            StatusBlocks.initiativeModal(
                i, null, signer.sign(StatusIds.editInitiative(i.id)), Initiative.openTeams()));
      }
      case "done" -> {
        Initiative i = service.done(cmd.caller(), name);
        yield CosCommandRouter.ephemeral(ctx, StatusMessages.done(i));
      }
      default -> CosCommandRouter.ephemeral(ctx, StatusMessages.USAGE);
    };
  }

  private Response report(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    String arg = blankToNull(String.join(" ", cmd.args()));
    if ("zone".equalsIgnoreCase(arg)) {
      cmd.caller().requireAdmin();
      return open(ctx, cmd, StatusBlocks.reportZoneModal(reports.reportZone(), clock.instant()));
    }
    ReportScope scope = ReportScope.ALL;
    String about = null;
    if (arg != null) {
      var byName = Initiative.byName(StatusService.unquote(arg));
      List<Initiative> team = Initiative.open(StatusService.unquote(arg));
      if (byName.isPresent()) {
        scope = new ReportScope(byName.get().id, null);
        about = byName.get().name;
      } else if (!team.isEmpty()) {
        scope = new ReportScope(null, team.get(0).team);
        about = team.get(0).team;
      } else {
        // Neither an initiative nor a team: say so instead of an empty report.
        List<String> known = new java.util.ArrayList<>(Initiative.openNames());
        known.addAll(Initiative.openTeams());
        return CosCommandRouter.ephemeral(
            ctx, StatusMessages.noSuchReportTarget(arg, Suggest.closest(arg, known)));
      }
    }
    Instant now = clock.instant();
    Rollup r = reports.rollup(now.minus(Duration.ofDays(7)), now, scope.filter());
    List<LayoutBlock> blocks =
        new java.util.ArrayList<>(
            StatusBlocks.report(
                r,
                StatusBlocks.reportTitle(about),
                people.zoneOf(cmd.caller().userId()),
                settings.reportTopN()));
    blocks.add(StatusBlocks.shareButton(signer.sign(scope.encode())));
    return ctx.ack(
        res -> res.responseType("ephemeral").text(StatusBlocks.reportText(r)).blocks(blocks));
  }

  private Response open(SlashCommandContext ctx, CosCommand cmd, View view) throws Exception {
    var response = ctx.client().viewsOpen(r -> r.triggerId(cmd.triggerId()).view(view));
    if (!response.isOk()) {
      LOG.warnf("views.open failed: %s", response.getError());
      return CosCommandRouter.ephemeral(ctx, StatusMessages.formNotOpened(response.getError()));
    }
    return ctx.ack();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
