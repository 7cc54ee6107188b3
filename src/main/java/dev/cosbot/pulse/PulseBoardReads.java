package dev.cosbot.pulse;

import dev.cosbot.platform.spi.PulseBoard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's read-only view of pulse results: built from {@link PulseService#history}, so a
 * round below k, or an open round without a release, carries no content — only its count of
 * recipients. Free-text answers never leave this package.
 */
@ApplicationScoped
public class PulseBoardReads implements PulseBoard {
  @Inject PulseService service;

  @Override
  @Transactional
  public List<SurveyRow> results() {
    List<SurveyRow> surveys = new ArrayList<>();
    for (PulseSurvey survey : PulseSurvey.<PulseSurvey>list("order by id")) {
      List<RoundRow> rounds = new ArrayList<>();
      for (PulseStats.RoundResult r : service.history(survey)) {
        List<QuestionRow> questions = new ArrayList<>();
        if (r.visible()) {
          for (PulseStats.QuestionResult q : r.questions()) {
            if (!q.visible() || q.question().type() == QuestionType.TEXT) {
              continue;
            }
            questions.add(
                new QuestionRow(
                    q.index() + 1,
                    q.question().text(),
                    kind(q.question().type()),
                    q.answered(),
                    q.mean(),
                    q.enps()));
          }
        }
        rounds.add(
            new RoundRow(
                r.seq(),
                r.closed(),
                r.recipients(),
                r.visible() ? r.responses() : null,
                r.visible(),
                r.releasedAt(),
                List.copyOf(questions)));
      }
      surveys.add(new SurveyRow(survey.id, survey.title, survey.anonymous, List.copyOf(rounds)));
    }
    return surveys;
  }

  private static String kind(QuestionType type) {
    return switch (type) {
      case LIKERT -> "agreement (1 to 5)";
      case ENPS -> "eNPS";
      case SINGLE -> "one choice";
      case MULTI -> "several choices";
      case TEXT -> "free text";
    };
  }
}
