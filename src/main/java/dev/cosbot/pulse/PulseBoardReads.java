package dev.cosbot.pulse;

import dev.cosbot.platform.spi.PulseBoard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's read-only view of pulse results: built from {@link PulseService#history}, so a
 * round below k, or an open round without a release, carries no content — only its count of
 * recipients. Free-text answers never leave this package.
 */
@ApplicationScoped
public class PulseBoardReads implements PulseBoard {
  @Inject PulseService service;
  @Inject PulseKeys keys;
  @Inject jakarta.persistence.EntityManager em;

  @Override
  @Transactional
  public List<SurveyRow> results() {
    List<SurveyRow> surveys = new ArrayList<>();
    for (PulseSurvey survey : PulseSurvey.<PulseSurvey>list("order by id")) {
      List<RoundRow> rounds = new ArrayList<>();
      Map<Integer, PulseRound> bySeq = new HashMap<>();
      PulseRound.ofSurvey(survey.id).forEach(r -> bySeq.put(r.seq, r));
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
        PulseRound round = bySeq.get(r.seq());
        // Stored at close with only the teams that may be shown; nothing for an open round.
        PulseStats.Breakdown breakdown =
            r.visible() && round != null ? service.breakdown(round) : PulseStats.Breakdown.NONE;
        rounds.add(
            new RoundRow(
                r.seq(),
                r.closed(),
                r.recipients(),
                r.visible() ? r.responses() : null,
                r.visible(),
                r.releasedAt(),
                List.copyOf(questions),
                teams(breakdown),
                breakdown.hidden()));
      }
      surveys.add(new SurveyRow(survey.id, survey.title, survey.anonymous, List.copyOf(rounds)));
    }
    return surveys;
  }

  @Override
  @Transactional
  @SuppressWarnings("unchecked")
  public List<WaitingSurvey> waitingFor(String userId, java.time.Instant now) {
    List<Object[]> open =
        em.createNativeQuery(
                "SELECT r.id, s.title, r.closes_at FROM pulse_round r"
                    + " JOIN pulse_recipient p ON p.round_id = r.id"
                    + " JOIN pulse_survey s ON s.id = r.survey_id"
                    + " WHERE p.user_id = ?1 AND NOT r.closed AND r.closes_at > ?2"
                    + " ORDER BY r.closes_at")
            .setParameter(1, userId)
            .setParameter(2, java.sql.Timestamp.from(now))
            .getResultList();
    List<WaitingSurvey> waiting = new ArrayList<>();
    for (Object[] r : open) {
      long roundId = ((Number) r[0]).longValue();
      Number answered =
          (Number)
              em.createNativeQuery(
                      "SELECT count(*) FROM pulse_sealed WHERE round_id = ?1 AND ballot = ?2")
                  .setParameter(1, roundId)
                  .setParameter(2, keys.ballot(roundId, userId))
                  .getSingleResult();
      if (answered.longValue() == 0) {
        waiting.add(new WaitingSurvey(roundId, (String) r[1], instant(r[2])));
      }
    }
    return waiting;
  }

  private static java.time.Instant instant(Object o) {
    if (o instanceof java.time.Instant i) {
      return i;
    }
    if (o instanceof java.time.OffsetDateTime t) {
      return t.toInstant();
    }
    return ((java.sql.Timestamp) o).toInstant();
  }

  private static List<TeamRow> teams(PulseStats.Breakdown breakdown) {
    return breakdown.shown().stream()
        .map(
            t ->
                new TeamRow(
                    t.name(),
                    t.responses(),
                    t.cells().stream()
                        .map(c -> new TeamCell(c.index() + 1, c.answered(), c.mean(), c.enps()))
                        .toList()))
        .toList();
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
