package dev.cosbot.pulse;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.command.CosCommand;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.ingress.command.CosSubcommand;
import dev.cosbot.ingress.command.HelpLine;
import dev.cosbot.platform.people.Role;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /cos pulse new|list|results <id>|close <id>|stop <id>}: Chiefs of Staff run pulse surveys.
 */
@ApplicationScoped
public class PulseCommand implements CosSubcommand {
  private static final String USAGE =
      "Usage: `/cos pulse new`, `/cos pulse list`, `/cos pulse results <id>`, `/cos pulse close <id>`, `/cos pulse stop <id>`";

  @Inject PulseService service;
  @Inject PulseSettings settings;
  @Inject Clock clock;

  @Override
  public List<String> names() {
    return List.of("pulse");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine(
            "/cos pulse new",
            "create a pulse survey (eNPS, team health, meetings or your own)",
            Role.ADMIN),
        new HelpLine("/cos pulse list", "surveys and their rounds", Role.ADMIN),
        new HelpLine(
            "/cos pulse results <id>",
            "results of the latest round (only totals, only from k answers)",
            Role.ADMIN),
        new HelpLine(
            "/cos pulse close|stop <id>",
            "close the open round now / stop future rounds",
            Role.ADMIN));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    cmd.caller().requireAdmin();
    String action = cmd.arg(0).toLowerCase();
    switch (action) {
      case "new" -> {
        var opened =
            ctx.client()
                .viewsOpen(
                    r ->
                        r.triggerId(cmd.triggerId())
                            .view(
                                PulseBlocks.newSurveyModal(
                                    settings.k(), LocalDate.now(clock).toString())));
        if (!opened.isOk()) {
          return CosCommandRouter.ephemeral(
              ctx, "Slack did not open the form (" + opened.getError() + "). Please try again.");
        }
        return ctx.ack();
      }
      case "list" -> {
        return CosCommandRouter.ephemeral(ctx, list());
      }
      case "results" -> {
        ResultsView view = results(id(cmd));
        return ctx.ack(r -> r.responseType("ephemeral").text(view.text()).blocks(view.blocks()));
      }
      case "close" -> {
        long roundId = openRoundOf(id(cmd));
        service.close(roundId);
        return CosCommandRouter.ephemeral(
            ctx, "Closed. The results are on their way to the survey's owner.");
      }
      case "stop" -> {
        return CosCommandRouter.ephemeral(
            ctx,
            service.stop(id(cmd))
                ? "No more rounds of this survey will start."
                : "No such survey.");
      }
      default -> {
        return CosCommandRouter.ephemeral(ctx, USAGE);
      }
    }
  }

  record ResultsView(String text, List<com.slack.api.model.block.LayoutBlock> blocks) {}

  @Transactional
  ResultsView results(long surveyId) {
    PulseSurvey survey =
        service
            .survey(surveyId)
            .orElseThrow(
                () ->
                    new UserFacingException(
                        "No survey `" + surveyId + "`. Try `/cos pulse list`."));
    PulseRound round =
        PulseRound.latest(surveyId)
            .orElseThrow(
                () -> new UserFacingException("This survey has not started its first round yet."));
    PulseService.Results results = service.results(survey, round);
    return new ResultsView(PulseBlocks.resultsText(results), PulseBlocks.results(results));
  }

  @Transactional
  long openRoundOf(long surveyId) {
    return PulseRound.latest(surveyId)
        .filter(r -> !r.closed)
        .map(r -> r.id)
        .orElseThrow(() -> new UserFacingException("This survey has no open round."));
  }

  @Transactional
  String list() {
    List<PulseSurvey> surveys = PulseSurvey.recent(20);
    if (surveys.isEmpty()) {
      return "No pulse surveys yet. Create one with `/cos pulse new`.";
    }
    return "*Pulse surveys*\n"
        + surveys.stream()
            .map(s -> PulseBlocks.surveyLine(s, PulseRound.latest(s.id).orElse(null)))
            .collect(Collectors.joining("\n"));
  }

  private static long id(CosCommand cmd) {
    try {
      return Long.parseLong(cmd.arg(1).replace("#", ""));
    } catch (NumberFormatException e) {
      throw new UserFacingException(
          "Which survey? e.g. `/cos pulse " + cmd.arg(0) + " 3` (ids are in `/cos pulse list`).");
    }
  }
}
