package dev.cosbot.status;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.support.NotAllowedException;
import dev.cosbot.platform.support.SlackText;
import dev.cosbot.platform.support.UserFacingException;
import dev.cosbot.status.StatusForms.InitiativeForm;
import dev.cosbot.status.StatusForms.UpdateForm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
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

  @Transactional
  public Initiative create(Caller caller, InitiativeForm form) {
    if (Initiative.byName(form.name()).isPresent()) {
      throw new FieldErrors(Map.of(StatusIds.NAME, "An initiative with this name already exists."));
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
    Initiative i = em.find(Initiative.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (i == null) {
      throw new UserFacingException("That initiative no longer exists.");
    }
    requireOwnerOrAdmin(caller, i);
    Optional<Initiative> same = Initiative.byName(form.name());
    if (same.isPresent() && !same.get().id.equals(i.id)) {
      throw new FieldErrors(Map.of(StatusIds.NAME, "An initiative with this name already exists."));
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
    Initiative i = em.find(Initiative.class, initiativeId, LockModeType.PESSIMISTIC_WRITE);
    if (i == null || i.state == Initiative.State.DONE) {
      throw new UserFacingException("That initiative is closed or no longer exists.");
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
    if (newAsk && u.askTo != null) {
      outbox.enqueue(
          SlackCalls.postMessage(
              StatusKeys.ask(u.id, u.version), u.askTo, StatusBlocks.askText(i, u), null));
    }
    return u;
  }

  @Transactional
  public Initiative byNameOrThrow(String name) {
    if (name == null || name.isBlank()) {
      throw new UserFacingException(
          "Which initiative? Give its name, e.g. `/cos initiative edit \"Payments v2\"`.");
    }
    return Initiative.byName(name)
        .orElseThrow(
            () ->
                new UserFacingException(
                    "I don't know an initiative called \""
                        + SlackText.escapeAndCut(name, 80)
                        + "\". `/cos initiatives` lists them."));
  }

  /** The initiative the caller means for {@code /cos status [name]}. */
  @Transactional
  public Initiative forStatus(Caller caller, String name) {
    if (name != null && !name.isBlank()) {
      Initiative i = byNameOrThrow(name);
      if (i.state == Initiative.State.DONE) {
        throw new UserFacingException(
            "*" + SlackText.escapeAndCut(i.name, 80) + "* is done; it takes no more updates.");
      }
      requireUpdater(caller, i);
      return i;
    }
    var mine = Initiative.openOwnedBy(caller.userId());
    if (mine.isEmpty()) {
      throw new UserFacingException(
          "You don't own an initiative. Use `/cos status <initiative>` or `/cos initiatives` to find one.");
    }
    if (mine.size() > 1) {
      StringBuilder names = new StringBuilder("Which one? ");
      mine.forEach(
          i ->
              names
                  .append("`/cos status \"")
                  .append(SlackText.escapeAndCut(i.name, 80))
                  .append("\"` "));
      throw new UserFacingException(names.toString().trim());
    }
    return mine.get(0);
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
      throw new UserFacingException("That initiative no longer exists.");
    }
    return i;
  }

  ZoneId zoneOf(String userId) {
    return people.zoneOf(userId);
  }

  static void requireOwnerOrAdmin(Caller caller, Initiative i) {
    if (!caller.isAdmin() && !caller.userId().equals(i.ownerId)) {
      throw new NotAllowedException(
          "Only the owner of *"
              + SlackText.escapeAndCut(i.name, 80)
              + "* or a Chief of Staff can change it.");
    }
  }

  static void requireUpdater(Caller caller, Initiative i) {
    if (!caller.isAdmin()
        && !caller.userId().equals(i.ownerId)
        && !caller.userId().equals(i.driId)) {
      throw new NotAllowedException(
          "Only the owner or DRI of *"
              + SlackText.escapeAndCut(i.name, 80)
              + "* (or a Chief of Staff) can post its update.");
    }
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
