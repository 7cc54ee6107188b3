package dev.cosbot.ask;

import dev.cosbot.platform.anonymity.Sealed;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Questions to leadership: asking, moderation by the Chiefs of Staff, anonymous up-votes and
 * answers. An anonymous asker or a voter is never stored: only keyed hashes and a sealed reply
 * handle (see docs/privacy.md); notes to an asker go out as sealed envelopes.
 */
@ApplicationScoped
@Transactional
public class AskService {
  /** Longest question (and rewording). */
  public static final int MAX_TEXT = 1_000;

  /** Shortest question worth sending. */
  public static final int MIN_TEXT = 10;

  /** Questions one person may send per hour. */
  public static final int HOURLY_LIMIT = 5;

  /** Questions shown on the voting board. */
  public static final int BOARD_SIZE = 40;

  @Inject Sealed sealed;
  @Inject Outbox outbox;
  @Inject Roles roles;
  @Inject AskNotices notices;
  @Inject EntityManager em;
  @Inject Clock clock;

  /** A question with its up-votes and whether the reader voted for it. */
  public record Ranked(AskQuestion question, long votes, boolean mine) {}

  /** What a note to an asker carries, once opened by its recipient. */
  public record Note(NoteKind kind, AskQuestion question, AskQuestion answeredAs) {}

  /** Whether {@code userId} already sent {@link #HOURLY_LIMIT} questions this hour. */
  public boolean overHourlyLimit(String userId) {
    Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    Object asked =
        em.createNativeQuery("SELECT coalesce(max(asked), 0) FROM ask_quota WHERE ballot = ?1")
            .setParameter(1, quotaBallot(userId, hour))
            .getSingleResult();
    return ((Number) asked).intValue() >= HOURLY_LIMIT;
  }

  /** Sends a question to the Chiefs of Staff; anonymous unless {@code named}. */
  public AskQuestion ask(String userId, String text, boolean named) {
    Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    em.createNativeQuery("DELETE FROM ask_quota WHERE hour_start < ?1")
        .unwrap(org.hibernate.query.NativeQuery.class)
        .setParameter(1, hour, Instant.class)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO ask_quota (ballot, hour_start, asked) VALUES (?1, ?2, 1)"
                + " ON CONFLICT (ballot) DO UPDATE SET asked = ask_quota.asked + 1")
        .unwrap(org.hibernate.query.NativeQuery.class)
        .setParameter(1, quotaBallot(userId, hour))
        .setParameter(2, hour, Instant.class)
        .executeUpdate();
    AskQuestion q = new AskQuestion();
    q.text = text.strip();
    q.status = AskStatus.PENDING;
    q.createdAt = clock.instant();
    if (named) {
      q.askerId = userId;
    } else {
      q.replyHandle = sealed.seal(Sealed.REPLY_HANDLE, userId);
    }
    q.persist();
    Set<String> admins = new TreeSet<>(roles.admins());
    admins.addAll(roles.configuredAdmins());
    for (String admin : admins) {
      em.createNativeQuery(
              "INSERT INTO ask_card (question_id, admin_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
          .setParameter(1, q.id)
          .setParameter(2, admin)
          .executeUpdate();
      outbox.enqueue(notices.card(q, admin, targets(q)));
    }
    return q;
  }

  /** Approves a pending question: it goes on the board and its asker is told. */
  public AskQuestion approve(Caller caller, long id) {
    caller.requireAdmin();
    AskQuestion q = pending(id);
    q.status = AskStatus.OPEN;
    q.proposedText = null;
    changed(q);
    tellAsker(q, NoteKind.APPROVED);
    return q;
  }

  /** Folds a pending duplicate into another question; its asker will get that one's answer. */
  public AskQuestion merge(Caller caller, long id, long intoId) {
    caller.requireAdmin();
    AskQuestion q = pending(id);
    AskQuestion into = AskQuestion.findById(intoId);
    if (into == null
        || into.id.equals(q.id)
        || !(into.status == AskStatus.PENDING || into.status == AskStatus.OPEN)) {
      throw new UserFacingException(AskMessages.MERGE_TARGET_GONE);
    }
    q.status = AskStatus.MERGED;
    q.mergedInto = into.id;
    q.proposedText = null;
    changed(q);
    // Duplicates already folded into q follow it.
    for (AskQuestion child : AskQuestion.mergedInto(q.id)) {
      child.mergedInto = into.id;
    }
    changed(into);
    tellAsker(q, NoteKind.MERGED);
    return q;
  }

  /** Proposes a clearer wording; the question waits for the asker's consent. */
  public AskQuestion proposeEdit(Caller caller, long id, String text) {
    caller.requireAdmin();
    AskQuestion q = pending(id);
    q.proposedText = text.strip();
    changed(q);
    tellAsker(q, NoteKind.EDIT);
    return q;
  }

  /** The asker accepts or refuses a proposed wording. */
  public AskQuestion consent(String userId, long id, boolean accept) {
    AskQuestion q = AskQuestion.findById(id);
    if (q == null || !isAsker(q, userId)) {
      throw new UserFacingException(AskMessages.NOT_YOURS);
    }
    if (q.status != AskStatus.PENDING || q.proposedText == null) {
      throw new UserFacingException(AskMessages.NO_LONGER_WAITING);
    }
    if (accept) {
      q.text = q.proposedText;
    }
    q.proposedText = null;
    changed(q);
    return q;
  }

  /** Declines a pending question; its asker is told the reason. */
  public AskQuestion decline(Caller caller, long id, String reason) {
    caller.requireAdmin();
    AskQuestion q = pending(id);
    q.status = AskStatus.DECLINED;
    q.declineReason = reason.strip();
    q.proposedText = null;
    changed(q);
    tellAsker(q, NoteKind.DECLINED);
    return q;
  }

  /**
   * Records the answer to an open question; its askers (and those of its duplicates) are told, and
   * it is posted to {@code channel} when one is given.
   */
  public AskQuestion answer(
      Caller caller, long id, String answer, String link, Optional<String> channel) {
    caller.requireAdmin();
    AskQuestion q = AskQuestion.findById(id);
    if (q == null || q.status != AskStatus.OPEN) {
      throw new UserFacingException(AskMessages.NOT_OPEN);
    }
    q.status = AskStatus.ANSWERED;
    q.answer = answer == null || answer.isBlank() ? null : answer.strip();
    q.answerLink = link == null || link.isBlank() ? null : link.strip();
    q.answeredBy = caller.userId();
    long votes = votes(q.id);
    changed(q);
    tellAsker(q, NoteKind.ANSWERED);
    for (AskQuestion duplicate : AskQuestion.mergedInto(q.id)) {
      tellAsker(duplicate, NoteKind.ANSWERED);
    }
    channel.ifPresent(c -> outbox.enqueue(notices.answerPost(q, votes, c)));
    return q;
  }

  /** A question by id (for the moderation forms); empty when gone. */
  public Optional<AskQuestion> find(long id) {
    return AskQuestion.findByIdOptional(id);
  }

  /** Questions that another one can be merged into: pending and open ones except {@code id}. */
  public List<AskQuestion> mergeTargets(long id) {
    return AskQuestion.<AskQuestion>list(
            "status in ?1 and id <> ?2 order by id desc",
            List.of(AskStatus.PENDING, AskStatus.OPEN),
            id)
        .stream()
        .limit(100)
        .toList();
  }

  /** The moderation queue: pending questions, then open ones by votes. */
  public List<Ranked> queue() {
    List<Ranked> out = new ArrayList<>();
    for (AskQuestion q : AskQuestion.withStatus(AskStatus.PENDING)) {
      out.add(new Ranked(q, 0, false));
    }
    out.addAll(top(BOARD_SIZE, null));
    return out;
  }

  /** The open questions by up-votes (most first; ties by age), marking {@code userId}'s votes. */
  public List<Ranked> top(int limit, String userId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT q.id, count(v.ballot) FROM ask_question q"
                    + " LEFT JOIN ask_vote v ON v.question_id = q.id"
                    + " WHERE q.status = 'OPEN' GROUP BY q.id ORDER BY count(v.ballot) DESC, q.id"
                    + " LIMIT ?1")
            .setParameter(1, limit)
            .getResultList();
    List<Ranked> out = new ArrayList<>();
    for (Object[] row : rows) {
      long id = ((Number) row[0]).longValue();
      AskQuestion q = AskQuestion.findById(id);
      boolean mine = userId != null && hasVote(id, userId);
      out.add(new Ranked(q, ((Number) row[1]).longValue(), mine));
    }
    return out;
  }

  /** Marks (or unmarks) a meeting as taking questions: its reminders list the top questions. */
  public boolean markMeeting(Caller caller, long cadenceId, boolean takesQuestions) {
    caller.requireAdmin();
    if (!takesQuestions) {
      return em.createNativeQuery("DELETE FROM ask_meeting WHERE cadence_id = ?1")
              .setParameter(1, cadenceId)
              .executeUpdate()
          > 0;
    }
    return em.createNativeQuery(
                "INSERT INTO ask_meeting (cadence_id, marked_by, marked_at) VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT DO NOTHING")
            .unwrap(org.hibernate.query.NativeQuery.class)
            .setParameter(1, cadenceId)
            .setParameter(2, caller.userId())
            .setParameter(3, clock.instant(), Instant.class)
            .executeUpdate()
        > 0;
  }

  /** Whether the meeting (cadence) takes questions. */
  public boolean takesQuestions(long cadenceId) {
    return ((Number)
                em.createNativeQuery("SELECT count(*) FROM ask_meeting WHERE cadence_id = ?1")
                    .setParameter(1, cadenceId)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  /** How many questions wait for a Chief of Staff. */
  public long pendingCount() {
    return AskQuestion.count("status", AskStatus.PENDING);
  }

  /** Up-votes of one question. */
  public long votes(long id) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM ask_vote WHERE question_id = ?1")
                .setParameter(1, id)
                .getSingleResult())
        .longValue();
  }

  /**
   * Sets {@code userId}'s up-votes among the questions {@code shown} on their board to exactly
   * {@code chosen}: one vote per person and question, changeable while the question is open.
   * Returns how many of the shown questions now carry their vote.
   */
  public int vote(String userId, Collection<Long> shown, Set<Long> chosen) {
    int count = 0;
    for (long id : new LinkedHashSet<>(shown)) {
      AskQuestion q = AskQuestion.findById(id);
      if (q == null || q.status != AskStatus.OPEN) {
        continue;
      }
      String ballot = voteBallot(id, userId);
      if (chosen.contains(id)) {
        em.createNativeQuery(
                "INSERT INTO ask_vote (question_id, ballot) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, ballot)
            .executeUpdate();
        count++;
      } else {
        em.createNativeQuery("DELETE FROM ask_vote WHERE question_id = ?1 AND ballot = ?2")
            .setParameter(1, id)
            .setParameter(2, ballot)
            .executeUpdate();
      }
    }
    return count;
  }

  /**
   * Opens a note's token for the person who clicked it: empty unless they are its question's asker
   * (a forwarded or forged button opens nothing).
   */
  public Optional<Note> note(String userId, String token) {
    Optional<String> opened = sealed.openToken(AskIds.Purposes.NOTE, token);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = opened.get().split(":", 2);
    NoteKind kind;
    long id;
    try {
      kind = NoteKind.valueOf(parts[1]);
      id = Long.parseLong(parts[0]);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    AskQuestion q = AskQuestion.findById(id);
    if (q == null || !isAsker(q, userId)) {
      return Optional.empty();
    }
    AskQuestion answeredAs = q.mergedInto == null ? q : AskQuestion.findById(q.mergedInto);
    return Optional.of(new Note(kind, q, answeredAs));
  }

  /** Whether {@code userId} asked {@code q}: by name, or as the holder of its sealed handle. */
  boolean isAsker(AskQuestion q, String userId) {
    if (q.askerId != null) {
      return q.askerId.equals(userId);
    }
    return sealed.open(Sealed.REPLY_HANDLE, q.replyHandle).filter(userId::equals).isPresent();
  }

  private boolean hasVote(long id, String userId) {
    return ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM ask_vote WHERE question_id = ?1 AND ballot = ?2")
                    .setParameter(1, id)
                    .setParameter(2, voteBallot(id, userId))
                    .getSingleResult())
            .longValue()
        > 0;
  }

  private AskQuestion pending(long id) {
    AskQuestion q = AskQuestion.findById(id);
    if (q == null) {
      throw new UserFacingException(AskMessages.GONE);
    }
    if (q.status != AskStatus.PENDING) {
      throw new UserFacingException(AskMessages.alreadyModerated(q.status));
    }
    return q;
  }

  /** Bumps the version and updates every Chief of Staff's card of {@code q}. */
  private void changed(AskQuestion q) {
    q.version++;
    @SuppressWarnings("unchecked")
    List<String> admins =
        em.createNativeQuery("SELECT admin_id FROM ask_card WHERE question_id = ?1 ORDER BY 1")
            .setParameter(1, q.id)
            .getResultList();
    Map<Long, AskQuestion> targets = targets(q);
    for (String admin : admins) {
      outbox.enqueue(notices.cardUpdate(q, admin, targets));
    }
  }

  private Map<Long, AskQuestion> targets(AskQuestion q) {
    Map<Long, AskQuestion> out = new HashMap<>();
    if (q.mergedInto != null) {
      AskQuestion into = AskQuestion.findById(q.mergedInto);
      if (into != null) {
        out.put(into.id, into);
      }
    }
    return out;
  }

  /** A sealed note to the asker of {@code q}: the outbox row names them, not the question. */
  private void tellAsker(AskQuestion q, NoteKind kind) {
    String recipient =
        q.askerId != null
            ? q.askerId
            : sealed.open(Sealed.REPLY_HANDLE, q.replyHandle).orElse(null);
    if (recipient == null) {
      return; // sealed under a secret that was rotated since: nobody to tell
    }
    String token = sealed.sealToken(AskIds.Purposes.NOTE, q.id + ":" + kind.name());
    String key =
        AskIds.noteKey(
            sealed
                .hash(AskIds.Purposes.NOTE_KEY, String.valueOf(q.id), kind.name(), recipient)
                .substring(0, 40));
    outbox.enqueue(notices.note(key, recipient, kind, token));
  }

  private String quotaBallot(String userId, Instant hour) {
    return sealed.hash(AskIds.Purposes.ASKER, userId, hour.toString());
  }

  private String voteBallot(long id, String userId) {
    return sealed.hash(AskIds.Purposes.VOTE, String.valueOf(id), userId);
  }
}
