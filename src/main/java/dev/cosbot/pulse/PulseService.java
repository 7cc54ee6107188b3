package dev.cosbot.pulse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCall;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.scheduler.Schedules;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pulse surveys: creating them, opening rounds and fanning out the DMs, recording answers without
 * linking them to people, reminding, closing and computing results. Knows no Block Kit beyond
 * handing domain objects to {@link PulseBlocks}.
 */
@ApplicationScoped
public class PulseService {
  private static final Logger LOG = Logger.getLogger(PulseService.class);
  static final String TIMER_GROUP = "pulse";

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Schedules schedules;
  @Inject PulseAudience audience;
  @Inject PulseBallots ballots;
  @Inject PulseSettings settings;
  @Inject Clock clock;

  private final SecureRandom random = new SecureRandom();

  /** What the new-survey modal asked for, validated. */
  public record NewSurvey(
      String title,
      List<Question> questions,
      PulseSurvey.AudienceKind audienceKind,
      String audience,
      String audienceLabel,
      boolean anonymous,
      int k,
      int openDays,
      int repeatWeeks,
      LocalDateTime localStart) {}

  // ---------------------------------------------------------------- surveys and rounds

  /** Stores the survey and opens its first round now, or schedules it. */
  @Transactional
  public PulseSurvey create(String creator, NewSurvey form) {
    PulseSurvey s = new PulseSurvey();
    s.title = form.title();
    s.questions = PulseQuestions.toJson(form.questions());
    s.audienceKind = form.audienceKind();
    s.audience = form.audience();
    s.audienceLabel = form.audienceLabel();
    s.anonymous = form.anonymous();
    s.minAnswers = Math.max(PulseSettings.FLOOR, form.k());
    s.openHours = form.openDays() * 24;
    s.repeatWeeks = form.repeatWeeks();
    s.localStart = form.localStart();
    s.createdBy = creator;
    s.active = true;
    s.createdAt = clock.instant();
    s.persist();
    if (s.localStart != null) {
      scheduleOpen(s, s.localStart);
    } else {
      // Resolving a large audience takes longer than Slack's 3 s: the first round opens in a job.
      schedules.once(
          TIMER_GROUP,
          "open:" + s.id + ":now",
          clock.instant(),
          PulseJob.class,
          Map.of(
              PulseJob.ACTION,
              PulseJob.OPEN,
              PulseJob.SURVEY,
              String.valueOf(s.id),
              PulseJob.LOCAL_START,
              PulseJob.NOW));
    }
    LOG.infof("Pulse survey %d created (%d questions)", s.id, form.questions().size());
    return s;
  }

  /** The open timer fires when the round's local time first arrives anywhere (UTC+14). */
  private void scheduleOpen(PulseSurvey s, LocalDateTime localStart) {
    Instant at = localStart.toInstant(ZoneOffset.ofHours(14));
    schedules.once(
        TIMER_GROUP,
        "open:" + s.id + ":" + localStart,
        at,
        PulseJob.class,
        Map.of(
            PulseJob.ACTION,
            PulseJob.OPEN,
            PulseJob.SURVEY,
            String.valueOf(s.id),
            PulseJob.LOCAL_START,
            localStart.toString()));
  }

  /** Opens the next round of a survey (local start = the survey's next occurrence, or now). */
  public Optional<PulseRound> openRound(long surveyId) {
    return openScheduledRound(surveyId, null);
  }

  /**
   * Opens the round whose local start is {@code localStart} (null: now); idempotent per survey and
   * start.
   */
  public Optional<PulseRound> openRound(
      long surveyId, LocalDateTime localStart, List<PulseAudience.Recipient> recipients) {
    return Optional.ofNullable(openRoundTx(surveyId, localStart, recipients));
  }

  public Optional<PulseRound> openScheduledRound(long surveyId, LocalDateTime localStart) {
    PulseSurvey survey = survey(surveyId).orElse(null);
    if (survey == null || !survey.active) {
      return Optional.empty();
    }
    return openRound(surveyId, localStart, audience.resolve(survey.audienceKind, survey.audience));
  }

  @Transactional
  PulseRound openRoundTx(
      long surveyId, LocalDateTime localStart, List<PulseAudience.Recipient> recipients) {
    PulseSurvey survey = PulseSurvey.findById(surveyId);
    Instant now = clock.instant();
    if (localStart != null
        && PulseRound.count("surveyId = ?1 and localStart = ?2", surveyId, localStart) > 0) {
      return null;
    }
    int seq = PulseRound.latest(surveyId).map(r -> r.seq + 1).orElse(1);
    // Each person gets the DM at the local start in their own zone; the round stays open for the
    // survey's duration after the last of those.
    TreeMap<String, Instant> sendAt = new TreeMap<>();
    for (PulseAudience.Recipient r : recipients) {
      sendAt.computeIfAbsent(
          r.timeZone(), z -> localStart == null ? now : localStart.atZone(zoneOf(z)).toInstant());
    }
    Instant lastSend = sendAt.values().stream().max(Instant::compareTo).orElse(now);
    PulseRound round = new PulseRound();
    round.surveyId = surveyId;
    round.seq = seq;
    round.localStart = localStart;
    round.openedAt = now;
    round.closesAt =
        (lastSend.isAfter(now) ? lastSend : now).plus(Duration.ofHours(survey.openHours));
    round.recipients = recipients.size();
    round.persist();
    em.flush();
    insertRecipients(round.id, recipients);
    List<PulseAudience.Recipient> dueNow = new ArrayList<>();
    for (PulseAudience.Recipient r : recipients) {
      if (!sendAt.get(r.timeZone()).isAfter(now)) {
        dueNow.add(r);
      }
    }
    fanOut(survey, round, dueNow);
    sendAt.forEach(
        (zone, at) -> {
          if (at.isAfter(now)) {
            schedules.once(
                TIMER_GROUP,
                "send:" + round.id + ":" + zone,
                at,
                PulseJob.class,
                Map.of(
                    PulseJob.ACTION,
                    PulseJob.SEND,
                    PulseJob.ROUND,
                    String.valueOf(round.id),
                    PulseJob.ZONE,
                    zone));
          }
        });
    Instant remindAt = round.closesAt.minus(settings.remindBefore());
    if (remindAt.isAfter(lastSend) && remindAt.isAfter(now)) {
      schedules.once(
          TIMER_GROUP,
          "remind:" + round.id,
          remindAt,
          PulseJob.class,
          Map.of(PulseJob.ACTION, PulseJob.REMIND, PulseJob.ROUND, String.valueOf(round.id)));
    }
    schedules.once(
        TIMER_GROUP,
        "close:" + round.id,
        round.closesAt,
        PulseJob.class,
        Map.of(PulseJob.ACTION, PulseJob.CLOSE, PulseJob.ROUND, String.valueOf(round.id)));
    LOG.infof("Pulse survey %d round %d opened for %d people", surveyId, seq, recipients.size());
    return round;
  }

  private static ZoneId zoneOf(String zone) {
    try {
      return ZoneId.of(zone);
    } catch (RuntimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private void insertRecipients(long roundId, List<PulseAudience.Recipient> recipients) {
    if (recipients.isEmpty()) {
      return;
    }
    String[] users =
        recipients.stream().map(PulseAudience.Recipient::userId).toArray(String[]::new);
    String[] zones =
        recipients.stream().map(PulseAudience.Recipient::timeZone).toArray(String[]::new);
    em.unwrap(org.hibernate.Session.class)
        .doWork(
            c -> {
              try (var insert =
                  c.prepareStatement(
                      "INSERT INTO pulse_recipient (round_id, user_id, time_zone)"
                          + " SELECT ?, u, z FROM unnest(?::varchar[], ?::varchar[]) AS t(u, z) ORDER BY u ON CONFLICT DO NOTHING")) {
                insert.setLong(1, roundId);
                insert.setArray(2, c.createArrayOf("varchar", users));
                insert.setArray(3, c.createArrayOf("varchar", zones));
                insert.executeUpdate();
              }
            });
  }

  /**
   * Queues the invitation DM for each recipient, in one batch; a recipient is never messaged twice.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int fanOut(
      PulseSurvey survey, PulseRound round, List<PulseAudience.Recipient> recipients) {
    List<Question> questions = survey.questionList();
    String text = PulseBlocks.dmText(survey);
    var blocks = PulseBlocks.invitation(survey, round, questions);
    List<SlackCall> calls = new ArrayList<>(recipients.size());
    SlackCall template =
        SlackCalls.postMessage("pulse:dm:" + round.id + ":template", "U0TEMPLATE", text, blocks);
    for (PulseAudience.Recipient r : recipients) {
      String key = "pulse:dm:" + round.id + ":" + r.userId();
      JsonObject payload = template.payload().deepCopy();
      payload.addProperty("channel", r.userId());
      SlackCall own = SlackCalls.postMessage(key, r.userId(), text, null);
      payload.add("metadata", own.payload().get("metadata"));
      // An invitation is useless once its round has closed: dropped, never sent late.
      calls.add(new SlackCall(key, "chat.postMessage", r.userId(), payload, null, round.closesAt));
    }
    return outbox.enqueueAll(calls);
  }

  /** Sends the DMs of the recipients in {@code zone} (their local start has come). */
  @Transactional
  public int sendZone(long roundId, String zone) {
    PulseRound round = PulseRound.findById(roundId);
    if (round == null || round.closed) {
      return 0;
    }
    PulseSurvey survey = PulseSurvey.findById(round.surveyId);
    @SuppressWarnings("unchecked")
    List<String> users =
        em.createNativeQuery(
                "SELECT user_id FROM pulse_recipient WHERE round_id = ?1 AND time_zone = ?2 ORDER BY user_id")
            .setParameter(1, roundId)
            .setParameter(2, zone)
            .getResultList();
    return fanOut(
        survey, round, users.stream().map(u -> new PulseAudience.Recipient(u, zone)).toList());
  }

  /** Reminds those who have not answered (once per round and person). */
  @Transactional
  public int remind(long roundId) {
    PulseRound round = PulseRound.findById(roundId);
    if (round == null || !round.isOpenAt(clock.instant())) {
      return 0;
    }
    PulseSurvey survey = PulseSurvey.findById(round.surveyId);
    @SuppressWarnings("unchecked")
    List<String> users =
        em.createNativeQuery(
                "SELECT user_id FROM pulse_recipient WHERE round_id = ?1 AND NOT responded ORDER BY user_id")
            .setParameter(1, roundId)
            .getResultList();
    var blocks = PulseBlocks.reminder(survey, round);
    List<SlackCall> calls =
        users.stream()
            .map(
                u ->
                    SlackCalls.postMessage(
                            "pulse:remind:" + roundId + ":" + u,
                            u,
                            "Reminder: " + PulseBlocks.dmText(survey),
                            blocks)
                        .expiringAt(round.closesAt))
            .toList();
    return outbox.enqueueAll(calls);
  }

  // ---------------------------------------------------------------- answering

  /** The round a button refers to, if the person may still answer it; else a polite refusal. */
  @Transactional
  public PulseRound answerableRound(long roundId, String userId) {
    PulseRound round = PulseRound.findById(roundId);
    if (round == null) {
      throw new UserFacingException("I could not find this survey any more.");
    }
    if (!round.isOpenAt(clock.instant())) {
      throw new UserFacingException(
          "Thank you for wanting to answer! This survey round has closed, so it no longer"
              + " takes answers. You will be asked again in the next round.");
    }
    Number asked =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM pulse_recipient WHERE round_id = ?1 AND user_id = ?2")
                .setParameter(1, roundId)
                .setParameter(2, userId)
                .getSingleResult();
    if (asked.intValue() == 0) {
      throw new UserFacingException(
          "This survey was not sent to you, so I cannot take your answer. Thanks anyway!");
    }
    return round;
  }

  /**
   * Records (or replaces) a person's answers in one transaction: marks them as responded, upserts
   * their answer row by ballot, then re-writes every answer of the round in random order with fresh
   * ids so neither row order nor row versions tell whose answer is whose.
   */
  @Transactional
  public void recordAnswer(long roundId, String userId, JsonObject answers) {
    PulseRound round = answerableRound(roundId, userId);
    PulseSurvey survey = PulseSurvey.findById(round.surveyId);
    em.createNativeQuery(
            "UPDATE pulse_recipient SET responded = TRUE WHERE round_id = ?1 AND user_id = ?2 AND NOT responded")
        .setParameter(1, roundId)
        .setParameter(2, userId)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO pulse_answer (id, round_id, ballot, respondent, answers) VALUES (?1, ?2, ?3, ?4, ?5)"
                + " ON CONFLICT (round_id, ballot) DO UPDATE SET answers = EXCLUDED.answers")
        .setParameter(1, new UUID(random.nextLong(), random.nextLong()))
        .setParameter(2, roundId)
        .setParameter(3, ballots.ballot(roundId, userId))
        .setParameter(4, survey.anonymous ? null : userId)
        .setParameter(5, answers.toString())
        .executeUpdate();
    reshuffle(roundId, false);
  }

  /**
   * Re-writes a round's answers in random order with random ids; at close also drops the ballots.
   */
  private void reshuffle(long roundId, boolean dropBallots) {
    em.createNativeQuery(
            "WITH old AS (DELETE FROM pulse_answer WHERE round_id = ?1 RETURNING round_id, ballot, respondent, answers)"
                + " INSERT INTO pulse_answer (id, round_id, ballot, respondent, answers)"
                + " SELECT gen_random_uuid(), round_id, "
                + (dropBallots ? "NULL" : "ballot")
                + ", respondent, answers"
                + " FROM old ORDER BY random()")
        .setParameter(1, roundId)
        .executeUpdate();
  }

  // ---------------------------------------------------------------- closing and results

  /**
   * Closes a round (idempotent): erases ballots, posts the results to the owner, schedules the next
   * round.
   */
  @Transactional
  public boolean close(long roundId) {
    int changed =
        em.createNativeQuery("UPDATE pulse_round SET closed = TRUE WHERE id = ?1 AND NOT closed")
            .setParameter(1, roundId)
            .executeUpdate();
    if (changed == 0) {
      return false;
    }
    PulseRound round = PulseRound.findById(roundId);
    em.refresh(round);
    if (round.closesAt.isAfter(clock.instant())) {
      round.closesAt = clock.instant();
    }
    reshuffle(roundId, true);
    PulseSurvey survey = PulseSurvey.findById(round.surveyId);
    PulseStats.RoundResult result = result(survey, round);
    PulseStats.RoundResult previous = previousResult(survey, round);
    outbox.enqueue(
        SlackCalls.postMessage(
            "pulse:results:" + roundId,
            survey.createdBy,
            PulseBlocks.resultsText(survey, result),
            PulseBlocks.results(survey, result, PulseStats.changes(previous, result))));
    if (result.visible()) {
      schedules.once(
          TIMER_GROUP,
          "chart:" + roundId,
          clock.instant(),
          PulseJob.class,
          Map.of(PulseJob.ACTION, PulseJob.CHART, PulseJob.ROUND, String.valueOf(roundId)));
    }
    if (survey.active && survey.repeatWeeks > 0 && round.localStart != null) {
      scheduleOpen(survey, round.localStart.plusWeeks(survey.repeatWeeks));
    }
    schedules.cancel(TIMER_GROUP, "close:" + roundId);
    LOG.infof("Pulse survey %d round %d closed", survey.id, round.seq);
    return true;
  }

  /** Aggregates of a round (nothing below the survey's k). */
  public PulseStats.RoundResult result(PulseSurvey survey, PulseRound round) {
    @SuppressWarnings("unchecked")
    List<String> rows =
        em.createNativeQuery("SELECT answers FROM pulse_answer WHERE round_id = ?1")
            .setParameter(1, round.id)
            .getResultList();
    List<JsonObject> answers =
        rows.stream().map(r -> JsonParser.parseString(r).getAsJsonObject()).toList();
    return PulseStats.compute(
        round.id,
        round.seq,
        round.recipients,
        round.closed || !round.isOpenAt(clock.instant()),
        survey.questionList(),
        answers,
        k(survey),
        random);
  }

  public PulseStats.RoundResult previousResult(PulseSurvey survey, PulseRound round) {
    return PulseRound.<PulseRound>find(
            "surveyId = ?1 and seq < ?2 order by seq desc", survey.id, round.seq)
        .firstResultOptional()
        .map(p -> result(survey, p))
        .orElse(null);
  }

  /** Every round's aggregates, oldest first. */
  @Transactional
  public List<PulseStats.RoundResult> history(PulseSurvey survey) {
    return PulseRound.ofSurvey(survey.id).stream().map(r -> result(survey, r)).toList();
  }

  public int k(PulseSurvey survey) {
    return Math.max(PulseSettings.FLOOR, survey.minAnswers);
  }

  @Transactional
  public PulseRound roundById(long id) {
    return PulseRound.findById(id);
  }

  @Transactional
  public Optional<PulseSurvey> survey(long id) {
    return PulseSurvey.findByIdOptional(id);
  }

  /** Stops future rounds of a survey (the open round still closes normally). */
  @Transactional
  public boolean stop(long surveyId) {
    PulseSurvey s = PulseSurvey.findById(surveyId);
    if (s == null) {
      return false;
    }
    s.active = false;
    return true;
  }
}
