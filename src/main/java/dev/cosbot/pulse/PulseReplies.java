package dev.cosbot.pulse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.platform.spi.AnonymousSubject;
import dev.cosbot.platform.spi.AnonymousSubjects;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Comments of closed anonymous rounds that a Chief of Staff may reply to, through the writer's
 * sealed reply handle; the handles are dropped {@link #KEEP} after the round closed, after which
 * nobody (not even with the secret) can reach or link the writer again.
 */
@ApplicationScoped
public class PulseReplies implements AnonymousSubjects {
  /** How long after close a comment can still be replied to. */
  static final Duration KEEP = Duration.ofDays(30);

  @Inject EntityManager em;
  @Inject Clock clock;

  /** Whether {@code answers} hold a non-empty free-text answer (only those keep a handle). */
  static boolean hasText(PulseSurvey survey, JsonObject answers) {
    List<Question> questions = survey.questionList();
    for (int i = 0; i < questions.size(); i++) {
      JsonElement v = answers.get(String.valueOf(i));
      if (questions.get(i).type() == QuestionType.TEXT
          && v != null
          && !v.isJsonNull()
          && !v.getAsString().isBlank()) {
        return true;
      }
    }
    return false;
  }

  @Override
  @Transactional
  public List<AnonymousSubject> replyable(int limit) {
    List<AnonymousSubject> out = new ArrayList<>();
    for (PulseRound round : PulseRound.closedSince(clock.instant().minus(KEEP))) {
      PulseSurvey survey = PulseSurvey.findById(round.surveyId);
      if (survey == null || !survey.anonymous) {
        continue;
      }
      List<Question> questions = survey.questionList();
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT id::text, answers FROM pulse_answer WHERE round_id = ?1"
                      + " AND reply_handle IS NOT NULL ORDER BY id")
              .setParameter(1, round.id)
              .getResultList();
      for (int q = 0; q < questions.size(); q++) {
        if (questions.get(q).type() != QuestionType.TEXT) {
          continue;
        }
        List<AnonymousSubject> texts = new ArrayList<>();
        for (Object[] row : rows) {
          JsonElement v = JsonParser.parseString((String) row[1]).getAsJsonObject().get("" + q);
          if (v != null && !v.isJsonNull() && !v.getAsString().isBlank()) {
            texts.add(
                new AnonymousSubject(row[0] + ":" + q, survey.title, v.getAsString().strip()));
          }
        }
        // Comments are shown only above k: the same rule for replying to them.
        if (texts.size() > survey.minAnswers) {
          out.addAll(texts);
        }
      }
      if (out.size() >= limit) {
        break;
      }
    }
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  @Override
  @Transactional
  public Optional<Handle> handle(String ref) {
    return replyable(1_000).stream()
        .filter(s -> s.ref().equals(ref))
        .findFirst()
        .flatMap(
            s -> {
              Object h =
                  em.createNativeQuery(
                          "SELECT reply_handle FROM pulse_answer WHERE id = CAST(?1 AS uuid)")
                      .setParameter(1, ref.substring(0, ref.indexOf(':')))
                      .getResultStream()
                      .findFirst()
                      .orElse(null);
              return h == null ? Optional.empty() : Optional.of(new Handle(s, (String) h));
            });
  }

  /** Drops the reply handles of rounds closed more than {@link #KEEP} ago. */
  @Scheduled(every = "6h", identity = "pulse-reply-handles-purge")
  @Transactional
  void purge() {
    em.createNativeQuery(
            "UPDATE pulse_answer SET reply_handle = NULL WHERE reply_handle IS NOT NULL"
                + " AND round_id IN (SELECT id FROM pulse_round WHERE closed AND closes_at < ?1)")
        .unwrap(org.hibernate.query.NativeQuery.class)
        .setParameter(1, clock.instant().minus(KEEP), java.time.Instant.class)
        .executeUpdate();
  }
}
