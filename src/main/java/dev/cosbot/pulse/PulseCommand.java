package dev.cosbot.pulse;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.command.CosCommand;
import dev.cosbot.ingress.command.CosCommandRouter;
import dev.cosbot.ingress.command.CosSubcommand;
import dev.cosbot.ingress.command.HelpLine;
import dev.cosbot.platform.people.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * {@code /cos pulse new|list|results|close|stop <survey>}: Chiefs of Staff run pulse surveys,
 * naming them by title (with suggestions for a near miss).
 */
@ApplicationScoped
public class PulseCommand implements CosSubcommand {
  @Inject PulseService service;
  @Inject PulseModals modals;

  @Override
  public List<String> names() {
    return List.of("pulse");
  }

  @Override
  public List<HelpLine> help() {
    return List.of(
        new HelpLine(
            "/cos pulse new",
            "create a pulse survey (eNPS, team health, meetings or your own questions)",
            Role.ADMIN),
        new HelpLine("/cos pulse list", "your surveys and their rounds", Role.ADMIN),
        new HelpLine(
            "/cos pulse results <survey>",
            "results of the latest round, e.g. `/cos pulse results Team health`",
            Role.ADMIN),
        new HelpLine(
            "/cos pulse close|stop <survey>",
            "close the open round now / stop future rounds",
            Role.ADMIN));
  }

  @Override
  public Response handle(CosCommand cmd, SlashCommandContext ctx) throws Exception {
    cmd.caller().requireAdmin();
    String action = cmd.arg(0).toLowerCase(java.util.Locale.ROOT);
    switch (action) {
      case "new" -> {
        var opened =
            ctx.client()
                .viewsOpen(
                    r ->
                        r.triggerId(cmd.triggerId())
                            .view(modals.newSurvey(PulseForm.Builder.EMPTY, null)));
        if (!opened.isOk()) {
          return CosCommandRouter.ephemeral(ctx, PulseBlocks.FORM_DID_NOT_OPEN);
        }
        return ctx.ack();
      }
      case "list" -> {
        return CosCommandRouter.ephemeral(ctx, list());
      }
      case "results", "close", "stop" -> {
        String named = cmd.restAfter(1);
        Found found = find(named);
        if (found.survey().isEmpty()) {
          return CosCommandRouter.ephemeral(
              ctx, PulseBlocks.whichSurvey(action, named, found.suggestions()));
        }
        PulseSurvey survey = found.survey().get();
        return switch (action) {
          case "results" -> {
            ResultsView view = results(survey.id);
            yield ctx.ack(r -> r.responseType("ephemeral").text(view.text()).blocks(view.blocks()));
          }
          case "close" -> {
            service.close(openRoundOf(survey.id));
            yield CosCommandRouter.ephemeral(ctx, PulseBlocks.closedNow(survey));
          }
          default ->
              CosCommandRouter.ephemeral(ctx, PulseBlocks.stopped(survey, service.stop(survey.id)));
        };
      }
      default -> {
        return CosCommandRouter.ephemeral(ctx, PulseBlocks.usage(cmd.arg(0)));
      }
    }
  }

  record ResultsView(String text, List<com.slack.api.model.block.LayoutBlock> blocks) {}

  @Transactional
  ResultsView results(long surveyId) {
    PulseSurvey survey =
        service.survey(surveyId).orElseThrow(() -> new PulseRefused(PulseRefused.Reason.NOT_FOUND));
    PulseRound round =
        PulseRound.latest(surveyId)
            .orElseThrow(() -> new PulseRefused(PulseRefused.Reason.NOT_STARTED));
    PulseService.Results results = service.results(survey, round);
    return new ResultsView(PulseBlocks.resultsText(results), PulseBlocks.results(results));
  }

  @Transactional
  long openRoundOf(long surveyId) {
    return PulseRound.latest(surveyId)
        .filter(r -> !r.closed)
        .map(r -> r.id)
        .orElseThrow(() -> new PulseRefused(PulseRefused.Reason.NO_OPEN_ROUND));
  }

  @Transactional
  String list() {
    List<PulseSurvey> surveys = PulseSurvey.recent(20);
    return PulseBlocks.surveyList(
        surveys.stream()
            .map(s -> PulseBlocks.surveyLine(s, PulseRound.latest(s.id).orElse(null)))
            .toList());
  }

  /** The survey a person named, or the titles closest to what they typed. */
  record Found(Optional<PulseSurvey> survey, List<String> suggestions) {}

  @Transactional
  Found find(String typed) {
    List<PulseSurvey> surveys = PulseSurvey.recent(200);
    List<String> titles = surveys.stream().map(s -> s.title).toList();
    for (PulseSurvey s : surveys) {
      if (s.title.trim().equalsIgnoreCase(typed.trim())) {
        return new Found(Optional.of(s), List.of());
      }
    }
    // An id still works for those who remember one from before surveys had names in commands; it
    // wins over a title that merely contains those digits.
    if (typed.matches("#?\\d{1,12}")) {
      Optional<PulseSurvey> byId = service.survey(Long.parseLong(typed.replace("#", "")));
      if (byId.isPresent()) {
        return new Found(byId, List.of());
      }
    }
    Optional<Integer> at = PulseNames.match(titles, typed);
    if (at.isPresent()) {
      return new Found(Optional.of(surveys.get(at.get())), List.of());
    }
    return new Found(Optional.empty(), PulseNames.suggestions(titles, typed, 3));
  }
}
