package dev.cosbot.pulse;

import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.DigestSource;
import dev.cosbot.platform.spi.TeamSignal;
import dev.cosbot.platform.support.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pulse in the CXO digest: a round's results once published (FYI), a drop beyond the configured
 * threshold against the previous round (WATCH, only when both rounds met k), and a team signal per
 * survey audience where k allows. Never anything from a round below k.
 */
@ApplicationScoped
public class PulseDigestSource implements DigestSource {
  @Inject PulseService service;
  @Inject PulseSettings settings;

  /** A closed round that met k, with the change against its previous round (if that met k too). */
  record Published(
      PulseSurvey survey, PulseStats.RoundResult result, Integer drop, String dropText) {}

  @Override
  public String name() {
    return "pulse";
  }

  @Override
  @Transactional
  public List<DigestItem> items(DigestRequest request) {
    List<DigestItem> items = new ArrayList<>();
    for (Published p : published(request)) {
      String title = SlackText.escapeAndCut(p.survey().title, 80);
      String headline = headline(p.result());
      items.add(
          new DigestItem(
              "pulse:" + p.result().roundId(),
              DigestSection.FYI,
              30,
              PulseBlocks.digestPublished(title, p.result(), headline),
              null,
              null));
      if (p.drop() != null && p.drop() >= settings.digestDropThreshold()) {
        items.add(
            new DigestItem(
                "pulse-drop:" + p.result().roundId(),
                DigestSection.WATCH,
                Math.min(90, 40 + p.drop()),
                PulseBlocks.digestDrop(title, p.dropText()),
                null,
                null));
      }
    }
    return items;
  }

  @Override
  @Transactional
  public List<TeamSignal> teamSignals(DigestRequest request) {
    List<TeamSignal> signals = new ArrayList<>();
    for (Published p : published(request)) {
      if (p.drop() != null && p.drop() >= settings.digestDropThreshold()) {
        String team =
            p.survey().audienceLabel == null ? p.survey().title : p.survey().audienceLabel;
        signals.add(
            new TeamSignal(SlackText.cut(team, 80), p.dropText(), Math.min(100, 30 + p.drop())));
      }
    }
    return signals;
  }

  List<Published> published(DigestRequest request) {
    List<Published> out = new ArrayList<>();
    for (PulseRound round : PulseRound.closedSince(request.since())) {
      PulseSurvey survey = PulseSurvey.findById(round.surveyId);
      PulseStats.RoundResult result = service.result(survey, round);
      if (!result.visible()) {
        continue;
      }
      PulseStats.RoundResult previous = service.previousResult(survey, round);
      Integer drop = null;
      String dropText = null;
      for (PulseStats.Change c : PulseStats.changes(previous, result)) {
        // Points on a common scale: eNPS points, or a 1–5 mean ×20 (so 0.5 = 10 points).
        int points = c.enpsDelta() != null ? -c.enpsDelta() : (int) Math.round(-c.meanDelta() * 20);
        if (drop == null || points > drop) {
          drop = points;
          dropText =
              c.enpsDelta() != null
                  ? "eNPS ↓" + (-c.enpsDelta())
                  : PulseBlocks.meanDrop(c.index(), -c.meanDelta());
        }
      }
      out.add(new Published(survey, result, drop, dropText));
    }
    return out;
  }

  private static String headline(PulseStats.RoundResult r) {
    for (PulseStats.QuestionResult q : r.questions()) {
      if (q.visible() && q.enps() != null) {
        return ", eNPS " + String.format(Locale.ROOT, "%+d", q.enps());
      }
    }
    for (PulseStats.QuestionResult q : r.questions()) {
      if (q.visible() && q.mean() != null) {
        return PulseBlocks.meanHeadline(q.index(), q.mean());
      }
    }
    return "";
  }
}
