package dev.cosbot.status;

import dev.cosbot.ingress.command.Suggest;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.support.SignedMetadata;
import dev.cosbot.status.StatusForms.InitiativeForm;
import dev.cosbot.status.StatusForms.UpdateForm;
import dev.cosbot.status.StatusRefusal.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The portfolio and its updates: create, edit and close initiatives; record updates with versions
 * and RAG events.
 */
@ApplicationScoped
public class StatusService {
  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject StatusSettings settings;
  @Inject PeopleDirectory people;
  @Inject SignedMetadata signer;

  /** What became of a reply to an ask. */
  public enum AskReplyOutcome {
    SENT,
    GONE,
    NOT_YOURS,
    ALREADY_REPLIED
  }

  /** The update whose open ask {@code userId} may reply to, or why not. */
  public record AskToReply(AskReplyOutcome refusal, Initiative initiative, StatusUpdate update) {}

  /** Checks that {@code userId} can reply to the ask of {@code ref}, before the form opens. */
  @Transactional
  public AskToReply askToReply(AskRef ref, String userId) {
    StatusUpdate u = em.find(StatusUpdate.class, ref.updateId());
    AskReplyOutcome refusal = askRefusal(u, userId);
    if (refusal != null) {
      return new AskToReply(refusal, null, null);
    }
    return new AskToReply(null, em.find(Initiative.class, u.initiativeId), u);
  }

  /**
   * The person an ask was addressed to replies: the person who asked gets the reply by direct
   * message, the ask's message loses its button, and the ask leaves the open asks.
   */
  @Transactional
  public AskReplyOutcome replyToAsk(AskRef ref, String userId, String reply) {
    StatusUpdate u = em.find(StatusUpdate.class, ref.updateId(), LockModeType.PESSIMISTIC_WRITE);
    AskReplyOutcome refusal = askRefusal(u, userId);
    if (refusal != null) {
      return refusal;
    }
    Initiative i = em.find(Initiative.class, u.initiativeId);
    u.askRepliedAt = clock.instant();
    u.askReply = reply;
    outbox.enqueue(
        SlackCalls.postMessage(
            StatusKeys.askReply(u.id, u.version),
            u.authorId,
            StatusBlocks.askReplyText(i, u),
            null));
    outbox.enqueue(
        SlackCalls.updateMessage(
            StatusKeys.askReplied(u.id, ref.version()),
            StatusKeys.ask(u.id, ref.version()),
            StatusBlocks.askText(i, u),
            StatusBlocks.askReplied(i, u)));
    return AskReplyOutcome.SENT;
  }

  private static AskReplyOutcome askRefusal(StatusUpdate u, String userId) {
    if (u == null || u.asks == null || u.askTo == null) {
      return AskReplyOutcome.GONE;
    }
    if (!u.askTo.equals(userId)) {
      return AskReplyOutcome.NOT_YOURS;
    }
    return u.askRepliedAt != null ? AskReplyOutcome.ALREADY_REPLIED : null;
  }

  @Transactional
  public Initiative create(Caller caller, InitiativeForm form) {
    if (Initiative.byName(form.name()).isPresent()) {
      throw new StatusRefusal(Reason.NAME_TAKEN);
    }
    Instant now = clock.instant();
    Initiative i = new Initiative();
    apply(i, form);
    i.state = Initiative.State.ACTIVE;
    i.anchorDate = LocalDate.ofInstant(now, zoneOf(form.ownerId()));
    i.createdBy = caller.userId();
    i.createdAt = now;
    i.updatedAt = now;
    i.persist();
    em.flush();
    saved(caller, i);
    if (!form.ownerId().equals(caller.userId())) {
      ZoneId ownerZone = zoneOf(i.ownerId);
      outbox.enqueue(
          SlackCalls.postMessage(
              StatusKeys.ownerTold(i.id, i.ownerId),
              i.ownerId,
              StatusBlocks.ownerAssigned(
                  i, caller.userId(), i.cadence().nextAfter(now, ownerZone), ownerZone),
              null));
    }
    return i;
  }

  @Transactional
  public Initiative edit(Caller caller, long id, InitiativeForm form) {
    Initiative i = locked(id);
    requireOwnerOrAdmin(caller, i);
    Optional<Initiative> same = Initiative.byName(form.name());
    if (same.isPresent() && !same.get().id.equals(i.id)) {
      throw new StatusRefusal(Reason.NAME_TAKEN);
    }
    boolean rhythmChanged =
        i.everyWeeks != form.everyWeeks() || i.cadenceDay != form.day().getValue();
    apply(i, form);
    if (rhythmChanged) {
      i.anchorDate = LocalDate.ofInstant(clock.instant(), zoneOf(i.ownerId));
    }
    i.state = form.state();
    i.updatedAt = clock.instant();
    saved(caller, i);
    return i;
  }

  /** The initiative, row-locked for this transaction; refused when it no longer exists. */
  private Initiative locked(long id) {
    Initiative i = em.find(Initiative.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (i == null) {
      throw new StatusRefusal(Reason.GONE);
    }
    return i;
  }

  /** Confirms to the person who saved it, in the same transaction as the change. */
  private void saved(Caller caller, Initiative i) {
    ZoneId ownerZone = zoneOf(i.ownerId);
    outbox.enqueue(
        SlackCalls.postMessage(
            StatusKeys.saved(i.id, i.updatedAt),
            caller.userId(),
            StatusBlocks.saved(i, i.cadence().nextAfter(clock.instant(), ownerZone), ownerZone),
            null));
  }

  @Transactional
  public Initiative done(Caller caller, String name) {
    Initiative i = byNameOrThrow(name);
    requireOwnerOrAdmin(caller, i);
    i.state = Initiative.State.DONE;
    i.updatedAt = clock.instant();
    return i;
  }

  /**
   * Records an update for the current period; a second one for the same period becomes version 2.
   */
  @Transactional
  public StatusUpdate submit(Caller caller, long initiativeId, UpdateForm form) {
    // The lock serialises two submissions of the same initiative (double click, two replicas).
    Initiative i = locked(initiativeId);
    if (i.state == Initiative.State.DONE) {
      throw new StatusRefusal(Reason.DONE, i);
    }
    requireUpdater(caller, i);
    Instant now = clock.instant();
    Instant period = i.cadence().periodFor(now, zoneOf(i.ownerId), settings.earlyWindow());
    StatusUpdate u = StatusUpdate.forPeriod(i.id, period).orElse(null);
    boolean newAsk;
    if (u == null) {
      u = new StatusUpdate();
      u.initiativeId = i.id;
      u.periodDue = period;
      u.version = 1;
      u.postedAt = now;
      newAsk = form.asks() != null;
    } else {
      UpdateVersion.of(u, now).persist();
      u.version = u.version + 1;
      u.editedAt = now;
      newAsk =
          form.asks() != null
              && (!form.asks().equals(u.asks) || !java.util.Objects.equals(form.askTo(), u.askTo));
    }
    u.authorId = caller.userId();
    u.rag = form.rag();
    u.summary = form.summary();
    u.progress = form.progress();
    u.risks = form.risks();
    u.asks = form.asks();
    u.askTo = form.askTo();
    if (newAsk || u.asks == null) {
      // A new ask waits for its own reply.
      u.askRepliedAt = null;
      u.askReply = null;
    }
    u.confidence = form.confidence();
    u.percent = form.percent();
    if (u.id == null) {
      u.persist();
    }
    em.flush();
    if (i.currentRag != form.rag()) {
      RagEvent e = new RagEvent();
      e.initiativeId = i.id;
      e.updateId = u.id;
      e.fromRag = i.currentRag;
      e.toRag = form.rag();
      e.changedAt = now;
      e.persist();
    }
    i.currentRag = form.rag();
    i.lastUpdateId = u.id;
    i.missedInRow = 0;
    i.staleSince = null;
    i.updatedAt = now;
    List<?> before =
        em.createNativeQuery(
                "SELECT state FROM status_period WHERE initiative_id = ?1 AND due_at = ?2")
            .setParameter(1, i.id)
            .setParameter(2, period)
            .getResultList();
    String asked = before.isEmpty() ? null : String.valueOf(before.get(0));
    em.createNativeQuery(
            "INSERT INTO status_period (initiative_id, due_at, state, closed_at) VALUES (?1, ?2, 'UPDATED', ?3)"
                + " ON CONFLICT (initiative_id, due_at) DO UPDATE SET state = 'UPDATED', closed_at = EXCLUDED.closed_at")
        .setParameter(1, i.id)
        .setParameter(2, period)
        .setParameter(3, now)
        .executeUpdate();
    outbox.enqueue(
        SlackCalls.postMessage(
            StatusKeys.thanks(u.id, u.version),
            caller.userId(),
            StatusBlocks.thanksText(i, u),
            null));
    // The prompt (and nudge) of this period lose their button: "Updated ✓", no stale button.
    if ("PROMPTED".equals(asked) || "NUDGED".equals(asked)) {
      answer(StatusKeys.prompt(i.id, period), i, u);
    }
    if ("NUDGED".equals(asked)) {
      answer(StatusKeys.nudge(i.id, period), i, u);
    }
    if (i.reportChannel != null) {
      outbox.enqueue(
          SlackCalls.postMessage(
              StatusKeys.shared(u.id, u.version),
              i.reportChannel,
              StatusBlocks.sharedUpdateText(i, u),
              StatusBlocks.sharedUpdate(i, u)));
    }
    if (newAsk && u.askTo != null) {
      outbox.enqueue(
          SlackCalls.postMessage(
              StatusKeys.ask(u.id, u.version),
              u.askTo,
              StatusBlocks.askText(i, u),
              StatusBlocks.ask(i, u, signer)));
    }
    return u;
  }

  /**
   * The open initiative {@code name} names: exactly (any case), else the only one whose name
   * contains it; otherwise a refusal with the closest name as a suggestion.
   */
  @Transactional
  public Initiative byNameOrThrow(String name) {
    if (name == null || name.isBlank()) {
      throw new StatusRefusal(Reason.NAME_MISSING);
    }
    String typed = unquote(name);
    Optional<Initiative> exact = Initiative.byName(typed);
    if (exact.isPresent()) {
      return exact.get();
    }
    List<String> open = Initiative.openNames();
    String lower = typed.toLowerCase(Locale.ROOT);
    List<String> containing =
        open.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(lower)).toList();
    if (containing.size() == 1) {
      return Initiative.byName(containing.get(0)).orElseThrow();
    }
    String close = Suggest.closest(typed, open);
    List<String> choices = close != null ? List.of(close) : containing.stream().limit(3).toList();
    throw new StatusRefusal(Reason.NO_SUCH_INITIATIVE, typed, choices);
  }

  /** The initiative the caller means for {@code /cos status [name]}. */
  @Transactional
  public Initiative forStatus(Caller caller, String name) {
    if (name != null && !name.isBlank()) {
      Initiative i = byNameOrThrow(name);
      if (i.state == Initiative.State.DONE) {
        throw new StatusRefusal(Reason.DONE, i);
      }
      requireUpdater(caller, i);
      return i;
    }
    var mine = Initiative.openOwnedBy(caller.userId());
    if (mine.isEmpty()) {
      throw new StatusRefusal(Reason.OWNS_NONE);
    }
    if (mine.size() > 1) {
      throw new StatusRefusal(Reason.WHICH_ONE, null, mine.stream().map(i -> i.name).toList());
    }
    return mine.get(0);
  }

  private void answer(String original, Initiative i, StatusUpdate u) {
    outbox.enqueue(
        SlackCalls.updateMessage(
            StatusKeys.answered(original),
            original,
            StatusBlocks.answeredText(i),
            StatusBlocks.answered(i, u)));
  }

  @Transactional
  public Optional<StatusUpdate> last(Initiative i) {
    return i.lastUpdateId == null
        ? Optional.empty()
        : StatusUpdate.findByIdOptional(i.lastUpdateId);
  }

  @Transactional
  public Initiative get(long id) {
    Initiative i = Initiative.findById(id);
    if (i == null) {
      throw new StatusRefusal(Reason.GONE);
    }
    return i;
  }

  ZoneId zoneOf(String userId) {
    return people.zoneOf(userId);
  }

  static void requireOwnerOrAdmin(Caller caller, Initiative i) {
    if (!caller.isAdmin() && !caller.userId().equals(i.ownerId)) {
      throw new StatusRefusal(Reason.NOT_OWNER, i);
    }
  }

  static void requireUpdater(Caller caller, Initiative i) {
    if (!caller.isAdmin()
        && !caller.userId().equals(i.ownerId)
        && !caller.userId().equals(i.driId)) {
      throw new StatusRefusal(Reason.NOT_UPDATER, i);
    }
  }

  /** A name as typed, without the quotes people put around names with spaces. */
  static String unquote(String name) {
    return name.strip().replaceAll("^[\"“”']+|[\"“”']+$", "").strip();
  }

  private static void apply(Initiative i, InitiativeForm f) {
    i.name = f.name();
    i.description = f.description();
    i.ownerId = f.ownerId();
    i.team = f.team();
    i.driId = f.driId();
    i.sponsorId = f.sponsorId();
    i.targetDate = f.targetDate();
    i.tags = f.tags();
    i.everyWeeks = f.everyWeeks();
    i.cadenceDay = f.day().getValue();
    i.cadenceTime = f.time().toString();
    i.reportChannel = f.reportChannel();
  }
}
