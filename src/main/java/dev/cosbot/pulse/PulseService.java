package dev.cosbot.pulse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cosbot.platform.anonymity.Sealed;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.scheduler.Schedules;
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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pulse surveys: creating them, opening rounds and fanning out the DMs, recording answers without
 * linking them to people, reminding, closing and computing results. Returns domain results and
 * refuses with {@link PulseRefused} reasons; {@link PulseCalls} turns what it sends into Slack
 * calls, so no text or Block Kit lives here.
 */
@ApplicationScoped
public class PulseService {
  private static final Logger LOG = Logger.getLogger(PulseService.class);
  static final String TIMER_GROUP = "pulse";

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Schedules schedules;
  @Inject PulseAudience audience;
  @Inject PulseKeys keys;
  @Inject Sealed sealed;
  @Inject PulseSettings settings;
  @Inject PulseCalls calls;
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
      LocalDateTime localStart,
      List<Slice> slices) {
    /** No breakdown by team when {@code slices} is null. */
    public NewSurvey {
      slices = slices == null ? List.of() : List.copyOf(slices);
    }
  }

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
    s.slices = Slice.toJson(form.slices());
    s.createdBy = creator;
    s.active = true;
    s.createdAt = clock.instant();
    s.persist();
    if (s.localStart != null) {
      scheduleOpen(s, s.localStart);
      outbox.enqueue(calls.scheduled(s));
    } else {
      // Resolving a large audience takes longer than Slack's 3 s: the first round opens in a job.
      openAt(s, clock.instant(), PulseJob.NOW);
    }
    LOG.infof("Pulse survey %d created (%d questions)", s.id, form.questions().size());
    return s;
  }

  /** The open timer fires when the round's local time first arrives anywhere (UTC+14). */
  private void scheduleOpen(PulseSurvey s, LocalDateTime localStart) {
    openAt(s, localStart.toInstant(ZoneOffset.ofHours(14)), localStart.toString());
  }

  /** The timer that opens a round of {@code s} at {@code at} (local start, or {@code NOW}). */
  private void openAt(PulseSurvey s, Instant at, String localStart) {
    schedules.once(
        TIMER_GROUP,
        PulseIds.openTimer(s.id, localStart),
        at,
        PulseJob.class,
        Map.of(
            PulseJob.ACTION,
            PulseJob.OPEN,
            PulseJob.SURVEY,
            String.valueOf(s.id),
            PulseJob.LOCAL_START,
            localStart));
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
    return openRound(
        surveyId,
        localStart,
        audience.withSlices(
            audience.resolve(survey.audienceKind, survey.audience), survey.sliceList()));
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
                PulseIds.sendTimer(round.id, zone),
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
          PulseIds.remindTimer(round.id),
          remindAt,
          PulseJob.class,
          Map.of(PulseJob.ACTION, PulseJob.REMIND, PulseJob.ROUND, String.valueOf(round.id)));
    }
    scheduleRelease(round, now);
    schedules.once(
        TIMER_GROUP,
        PulseIds.closeTimer(round.id),
        round.closesAt,
        PulseJob.class,
        Map.of(PulseJob.ACTION, PulseJob.CLOSE, PulseJob.ROUND, String.valueOf(round.id)));
    if (seq == 1) {
      // Creating a survey closes its loop: the creator learns how many people it went to.
      outbox.enqueue(calls.opened(survey, round));
    }
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
    Integer[] slices =
        recipients.stream().map(PulseAudience.Recipient::slice).toArray(Integer[]::new);
    insertRows(
        "INSERT INTO pulse_recipient (round_id, user_id, time_zone, slice)"
            + " SELECT ?, u, z, s::smallint FROM unnest(?::varchar[], ?::varchar[], ?::int4[])"
            + " AS t(u, z, s) ORDER BY u ON CONFLICT DO NOTHING",
        roundId,
        new SqlArray("varchar", users),
        new SqlArray("varchar", zones),
        new SqlArray("int4", slices));
  }

  /**
   * Queues the invitation DM for each recipient, in one batch; a recipient is never messaged twice.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int fanOut(
      PulseSurvey survey, PulseRound round, List<PulseAudience.Recipient> recipients) {
    // An invitation is useless once its round has closed: dropped, never sent late.
    return outbox.enqueueAll(
        calls.invitations(
            survey, round, recipients.stream().map(PulseAudience.Recipient::userId).toList()));
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
    // Who responded is stored nowhere: the ballots of the recipients are computed here, in memory,
    // and compared with the sealed answers' ballots.
    Set<String> answered = new HashSet<>(sealedBallots(roundId));
    @SuppressWarnings("unchecked")
    List<String> recipients =
        em.createNativeQuery(
                "SELECT user_id FROM pulse_recipient WHERE round_id = ?1 ORDER BY user_id")
            .setParameter(1, roundId)
            .getResultList();
    List<String> users =
        recipients.stream().filter(u -> !answered.contains(keys.ballot(roundId, u))).toList();
    return outbox.enqueueAll(calls.reminders(survey, round, users));
  }

  // ---------------------------------------------------------------- answering

  /** A round someone may answer now, with its survey and threshold. */
  public record Answerable(PulseSurvey survey, PulseRound round, int k) {}

  /** What an answer form needs, if the person may answer the round; else a {@link PulseRefused}. */
  @Transactional
  public Answerable answerable(long roundId, String userId) {
    PulseRound round = answerableRound(roundId, userId);
    PulseSurvey survey = PulseSurvey.findById(round.surveyId);
    return new Answerable(survey, round, k(survey));
  }

  /** The round a button refers to, if the person may still answer it; else a polite refusal. */
  @Transactional
  public PulseRound answerableRound(long roundId, String userId) {
    PulseRound round = PulseRound.findById(roundId);
    if (round == null) {
      throw new PulseRefused(PulseRefused.Reason.NOT_FOUND);
    }
    if (!round.isOpenAt(clock.instant())) {
      throw new PulseRefused(PulseRefused.Reason.CLOSED);
    }
    Number asked =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM pulse_recipient WHERE round_id = ?1 AND user_id = ?2")
                .setParameter(1, roundId)
                .setParameter(2, userId)
                .getSingleResult();
    if (asked.intValue() == 0) {
      throw new PulseRefused(PulseRefused.Reason.NOT_ASKED);
    }
    return round;
  }

  /**
   * Records (or replaces) a person's answers: one sealed row keyed by their ballot, and nothing
   * else — no "responded" flag, no other table touched — so the transaction, the WAL and any
   * snapshot hold only an opaque ballot and ciphertext. The round row is share-locked so a
   * concurrent close either sees this answer or refuses it.
   */
  @Transactional
  public void recordAnswer(long roundId, String userId, JsonObject answers) {
    PulseRound round = answerableRound(roundId, userId);
    Object[] state =
        (Object[])
            em.createNativeQuery(
                    "SELECT closed, closes_at FROM pulse_round WHERE id = ?1 FOR SHARE")
                .setParameter(1, roundId)
                .getSingleResult();
    if (Boolean.TRUE.equals(state[0])) {
      throw new PulseRefused(PulseRefused.Reason.JUST_CLOSED);
    }
    PulseSurvey survey = PulseSurvey.findById(round.surveyId);
    // The person's slice was written when the round opened; it is only read here and sealed with
    // the answer, so this transaction writes nothing but the opaque ballot and ciphertext.
    @SuppressWarnings("unchecked")
    List<Number> slice =
        em.createNativeQuery(
                "SELECT slice FROM pulse_recipient WHERE round_id = ?1 AND user_id = ?2")
            .setParameter(1, roundId)
            .setParameter(2, userId)
            .getResultList();
    SealedAnswer envelope =
        new SealedAnswer(
            answers,
            survey.anonymous ? null : userId,
            slice.isEmpty() || slice.get(0) == null ? null : slice.get(0).intValue(),
            // A Chief of Staff may reply to a comment: its writer is reachable only through this
            // handle, sealed like the rest until close.
            survey.anonymous && PulseReplies.hasText(survey, answers)
                ? sealed.sealToken(Sealed.REPLY_HANDLE, userId)
                : null);
    String ballot = keys.ballot(roundId, userId);
    em.createNativeQuery(
            "INSERT INTO pulse_sealed (round_id, ballot, sealed) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (round_id, ballot) DO UPDATE SET sealed = EXCLUDED.sealed")
        .setParameter(1, roundId)
        .setParameter(2, ballot)
        .setParameter(3, keys.seal(roundId, ballot, envelope.toJson()))
        .executeUpdate();
  }

  /** One column of rows inserted in a single statement: its SQL element type and values. */
  private record SqlArray(String type, Object[] values) {}

  /** Runs an {@code INSERT … unnest(…)} of a round's rows: the round id, then one array each. */
  private void insertRows(String sql, long roundId, SqlArray... columns) {
    em.unwrap(org.hibernate.Session.class)
        .doWork(
            c -> {
              try (var insert = c.prepareStatement(sql)) {
                insert.setLong(1, roundId);
                for (int i = 0; i < columns.length; i++) {
                  insert.setArray(i + 2, c.createArrayOf(columns[i].type(), columns[i].values()));
                }
                insert.executeUpdate();
              }
            });
  }

  @SuppressWarnings("unchecked")
  private List<String> sealedBallots(long roundId) {
    return em.createNativeQuery("SELECT ballot FROM pulse_sealed WHERE round_id = ?1")
        .setParameter(1, roundId)
        .getResultList();
  }

  /** How many people have answered a round so far (the live participation count). */
  public int participation(PulseRound round) {
    if (round.closed) {
      return ((Number)
              em.createNativeQuery("SELECT count(*) FROM pulse_answer WHERE round_id = ?1")
                  .setParameter(1, round.id)
                  .getSingleResult())
          .intValue();
    }
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM pulse_sealed WHERE round_id = ?1")
                .setParameter(1, round.id)
                .getSingleResult())
        .intValue();
  }

  /**
   * Opens every sealed answer of a round in memory. Answers sealed under another secret (rotated
   * while the round was open) cannot be opened; they are counted, logged and left out.
   */
  List<SealedAnswer> openSealed(long roundId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT ballot, sealed FROM pulse_sealed WHERE round_id = ?1")
            .setParameter(1, roundId)
            .getResultList();
    List<SealedAnswer> out = new ArrayList<>(rows.size());
    int unreadable = 0;
    for (Object[] row : rows) {
      Optional<String> plain = keys.open(roundId, (String) row[0], (byte[]) row[1]);
      if (plain.isEmpty()) {
        unreadable++;
        continue;
      }
      out.add(SealedAnswer.fromJson(plain.get()));
    }
    if (unreadable > 0) {
      LOG.warnf(
          "Pulse round %d: %d sealed answers could not be opened (the pulse secret changed while"
              + " the round was open); they are not counted",
          roundId, unreadable);
    }
    return out;
  }

  /**
   * Opens a closing round's answers, shuffles them and writes them to {@code pulse_answer} in one
   * statement with fresh random ids, then deletes every sealed row of the round in one statement.
   * The breakdown by team is computed here, in memory, and only its showable aggregates are stored:
   * the written answers carry no slice.
   */
  private void unseal(PulseSurvey survey, long roundId) {
    List<SealedAnswer> opened = new ArrayList<>(openSealed(roundId));
    Collections.shuffle(opened, random);
    PulseStats.Breakdown breakdown =
        PulseStats.breakdown(survey.sliceList(), survey.questionList(), opened, k(survey));
    if (!breakdown.isEmpty()) {
      em.createNativeQuery(
              "INSERT INTO pulse_breakdown (round_id, content) VALUES (?1, ?2)"
                  + " ON CONFLICT (round_id) DO UPDATE SET content = EXCLUDED.content")
          .setParameter(1, roundId)
          .setParameter(2, PulseStats.toJson(breakdown))
          .executeUpdate();
    }
    if (!opened.isEmpty()) {
      String[] ids = new String[opened.size()];
      String[] respondents = new String[opened.size()];
      String[] answers = new String[opened.size()];
      String[] handles = new String[opened.size()];
      for (int i = 0; i < opened.size(); i++) {
        handles[i] = opened.get(i).replyHandle();
        ids[i] = new UUID(random.nextLong(), random.nextLong()).toString();
        respondents[i] = opened.get(i).respondent();
        answers[i] = opened.get(i).answers().toString();
      }
      insertRows(
          "INSERT INTO pulse_answer (id, round_id, respondent, answers, reply_handle)"
              + " SELECT i::uuid, ?, r, a, h FROM unnest(?::varchar[], ?::varchar[], ?::text[],"
              + " ?::varchar[]) WITH ORDINALITY AS t(i, r, a, h, n) ORDER BY n",
          roundId,
          new SqlArray("varchar", ids),
          new SqlArray("varchar", respondents),
          new SqlArray("text", answers),
          new SqlArray("varchar", handles));
    }
    em.createNativeQuery("DELETE FROM pulse_sealed WHERE round_id = ?1")
        .setParameter(1, roundId)
        .executeUpdate();
  }

  // ---------------------------------------------------------------- closing and results

  /**
   * Closes a round (idempotent): opens and shuffles the sealed answers, posts the results to the
   * owner, schedules the next round.
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
    PulseSurvey survey = PulseSurvey.findById(round.surveyId);
    unseal(survey, roundId);
    em.createNativeQuery("DELETE FROM pulse_release WHERE round_id = ?1")
        .setParameter(1, roundId)
        .executeUpdate();
    schedules.cancel(TIMER_GROUP, PulseIds.releaseTimer(roundId));
    Results results = results(survey, round);
    PulseStats.RoundResult result = results.result();
    outbox.enqueue(calls.results(results));
    if (result.visible()) {
      schedules.once(
          TIMER_GROUP,
          PulseIds.chartTimer(roundId),
          clock.instant(),
          PulseJob.class,
          Map.of(PulseJob.ACTION, PulseJob.CHART, PulseJob.ROUND, String.valueOf(roundId)));
    }
    if (survey.active && survey.repeatWeeks > 0 && round.localStart != null) {
      scheduleOpen(survey, round.localStart.plusWeeks(survey.repeatWeeks));
    }
    schedules.cancel(TIMER_GROUP, PulseIds.closeTimer(roundId));
    LOG.infof("Pulse survey %d round %d closed", survey.id, round.seq);
    return true;
  }

  /**
   * What may be shown of a round. A closed round: its aggregates (nothing below k). An open round:
   * only its latest release, if any, with the live participation count — never computed from the
   * answers per request.
   */
  public PulseStats.RoundResult result(PulseSurvey survey, PulseRound round) {
    if (!round.closed) {
      int live = participation(round);
      return latestRelease(survey, round)
          .map(r -> r.withParticipation(live))
          .orElse(
              PulseStats.RoundResult.unreleased(
                  round.id, round.seq, round.recipients, k(survey), live));
    }
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
        true,
        survey.questionList(),
        answers,
        k(survey),
        random);
  }

  private Optional<PulseStats.RoundResult> latestRelease(PulseSurvey survey, PulseRound round) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT released_at, content FROM pulse_release WHERE round_id = ?1"
                    + " ORDER BY released_at DESC LIMIT 1")
            .setParameter(1, round.id)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object at = rows.get(0)[0];
    Instant releasedAt =
        at instanceof Instant i
            ? i
            : at instanceof java.time.OffsetDateTime o
                ? o.toInstant()
                : ((java.sql.Timestamp) at).toInstant();
    return Optional.of(
        PulseStats.fromJson(
            (String) rows.get(0)[1],
            round.id,
            round.seq,
            round.recipients,
            k(survey),
            survey.questionList(),
            releasedAt));
  }

  /**
   * An interim release of an open round, when its time has come: at most once per {@code
   * COSBOT_PULSE_RELEASE_EVERY} and only when at least k new answers arrived since the previous
   * release. Opens the sealed answers in memory only; stores aggregates without free text. Returns
   * whether a release was made.
   */
  @Transactional
  public boolean release(long roundId) {
    Optional<Duration> every = settings.releaseInterval();
    PulseRound round = PulseRound.findById(roundId);
    if (every.isEmpty() || round == null || !round.isOpenAt(clock.instant())) {
      return false;
    }
    PulseSurvey survey = PulseSurvey.findById(round.surveyId);
    Instant now = clock.instant();
    Optional<PulseStats.RoundResult> previous = latestRelease(survey, round);
    Instant last = previous.map(PulseStats.RoundResult::releasedAt).orElse(round.openedAt);
    boolean released = false;
    if (!now.isBefore(last.plus(every.get()))) {
      int k = k(survey);
      int live = participation(round);
      int before = previous.map(PulseStats.RoundResult::responses).orElse(0);
      if (live >= k && live - before >= k) {
        List<JsonObject> answers = openSealed(roundId).stream().map(SealedAnswer::answers).toList();
        PulseStats.RoundResult current =
            PulseStats.compute(
                round.id,
                round.seq,
                round.recipients,
                false,
                survey.questionList(),
                answers,
                k,
                random);
        if (current.visible()) {
          PulseStats.RoundResult interim = PulseStats.interim(current, previous.orElse(null), now);
          em.createNativeQuery(
                  "INSERT INTO pulse_release (round_id, released_at, responses, content)"
                      + " VALUES (?1, ?2, ?3, ?4)")
              .setParameter(1, roundId)
              .setParameter(2, now)
              .setParameter(3, interim.responses())
              .setParameter(4, PulseStats.toJson(interim))
              .executeUpdate();
          released = true;
          LOG.infof("Pulse survey %d round %d: interim results released", survey.id, round.seq);
        }
      }
    }
    scheduleRelease(round, now);
    return released;
  }

  /** The next release time of an open round (a fixed step after it opened), if before close. */
  private void scheduleRelease(PulseRound round, Instant now) {
    Optional<Duration> every = settings.releaseInterval();
    if (every.isEmpty()) {
      return;
    }
    Instant next = round.openedAt.plus(every.get());
    while (!next.isAfter(now)) {
      next = next.plus(every.get());
    }
    if (next.isBefore(round.closesAt)) {
      schedules.once(
          TIMER_GROUP,
          PulseIds.releaseTimer(round.id),
          next,
          PulseJob.class,
          Map.of(PulseJob.ACTION, PulseJob.RELEASE, PulseJob.ROUND, String.valueOf(round.id)));
    }
  }

  /**
   * Everything that may be shown of a round: its result, the changes against the previous round
   * (both meeting k), its breakdown by team and the previous round's (for changes per team).
   */
  public record Results(
      PulseSurvey survey,
      PulseRound round,
      PulseStats.RoundResult result,
      List<PulseStats.Change> changes,
      PulseStats.Breakdown breakdown,
      PulseStats.Breakdown previousBreakdown) {}

  /** What may be shown of {@code round} now (see {@link #result}). */
  public Results results(PulseSurvey survey, PulseRound round) {
    PulseStats.RoundResult result = result(survey, round);
    Optional<PulseRound> before = previousRound(survey, round);
    PulseStats.RoundResult previous = before.map(p -> result(survey, p)).orElse(null);
    return new Results(
        survey,
        round,
        result,
        PulseStats.changes(previous, result),
        breakdown(round),
        before.map(this::breakdown).orElse(null));
  }

  /**
   * A closed round's breakdown by team as stored at close (only the slices that may be shown); none
   * for an open round: breakdowns are never part of an interim release.
   */
  public PulseStats.Breakdown breakdown(PulseRound round) {
    if (!round.closed) {
      return PulseStats.Breakdown.NONE;
    }
    @SuppressWarnings("unchecked")
    List<String> rows =
        em.createNativeQuery("SELECT content FROM pulse_breakdown WHERE round_id = ?1")
            .setParameter(1, round.id)
            .getResultList();
    return rows.isEmpty() ? PulseStats.Breakdown.NONE : PulseStats.breakdownFromJson(rows.get(0));
  }

  private Optional<PulseRound> previousRound(PulseSurvey survey, PulseRound round) {
    return PulseRound.<PulseRound>find(
            "surveyId = ?1 and seq < ?2 order by seq desc", survey.id, round.seq)
        .firstResultOptional();
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
