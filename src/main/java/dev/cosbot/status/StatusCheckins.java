package dev.cosbot.status;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Person;
import dev.cosbot.platform.people.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Moves one initiative's check-ins along: prompt at the due time (owner's zone), one nudge, then
 * "missing", and "stale" after too many misses in a row; "away" instead when the owner's Slack
 * status says so. Each step is one transaction holding the initiative's row lock, and each message
 * has a deterministic outbox key, so replicas and restarts never prompt twice for a period.
 */
@ApplicationScoped
public class StatusCheckins {
  @Inject dev.cosbot.platform.support.SignedMetadata signer;
  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Roles roles;
  @Inject StatusSettings settings;
  @Inject PeopleDirectory people;

  /** Ids of the initiatives the sweep looks at. */
  @Transactional
  public List<Long> activeIds() {
    return em.createQuery(
            "select i.id from Initiative i where i.state = :s order by i.id", Long.class)
        .setParameter("s", Initiative.State.ACTIVE)
        .getResultList();
  }

  /**
   * Moves the initiative's check-ins along as of {@code now}. The owner (zone, Slack status) comes
   * from the people directory first, outside the transaction, so an owner the bot has not met yet
   * is asked of Slack without holding the initiative's row lock.
   */
  public void step(long initiativeId, Instant now) {
    String ownerId =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Initiative i = em.find(Initiative.class, initiativeId);
                  return i == null ? null : i.ownerId;
                });
    if (ownerId == null) {
      return;
    }
    Person owner = people.get(ownerId).orElse(null);
    QuarkusTransaction.requiringNew().run(() -> stepLocked(initiativeId, ownerId, owner, now));
  }

  private void stepLocked(long initiativeId, String ownerId, Person owner, Instant now) {
    Initiative i = em.find(Initiative.class, initiativeId, LockModeType.PESSIMISTIC_WRITE);
    if (i == null || i.state != Initiative.State.ACTIVE) {
      return;
    }
    if (!ownerId.equals(i.ownerId)) {
      owner = people.get(i.ownerId).orElse(null); // handed over meanwhile: a rare, bounded read
    }
    ZoneId zone = owner == null ? ZoneId.of("UTC") : owner.zone();
    Instant due = i.cadence().latestAtOrBefore(now, zone);
    if (!due.isBefore(i.createdAt)) {
      em.createNativeQuery(
              "INSERT INTO status_period (initiative_id, due_at, state) VALUES (?1, ?2, 'OPEN')"
                  + " ON CONFLICT (initiative_id, due_at) DO NOTHING")
          .setParameter(1, i.id)
          .setParameter(2, due)
          .executeUpdate();
    }
    List<Period> open =
        em.createQuery(
                "from Period p where p.initiativeId = :id and p.state in :states order by p.dueAt",
                Period.class)
            .setParameter("id", i.id)
            .setParameter(
                "states", List.of(Period.State.OPEN, Period.State.PROMPTED, Period.State.NUDGED))
            .getResultList();
    for (Period p : open) {
      advance(i, owner, zone, p, now);
    }
  }

  private void advance(Initiative i, Person owner, ZoneId zone, Period p, Instant now) {
    if (StatusUpdate.forPeriod(i.id, p.dueAt).isPresent()) {
      close(p, Period.State.UPDATED, now);
      return;
    }
    boolean away = AwayDetector.isAway(owner, now);
    switch (p.state) {
      case OPEN -> {
        if (away) {
          close(p, Period.State.AWAY, now);
        } else {
          StatusUpdate last = lastOf(i);
          outbox.enqueue(
              SlackCalls.postMessage(
                  StatusKeys.prompt(i.id, p.dueAt),
                  i.ownerId,
                  StatusBlocks.promptText(i),
                  StatusBlocks.prompt(i, last, p.dueAt, zone, signer)));
          p.state = Period.State.PROMPTED;
          p.promptedAt = now;
        }
      }
      case PROMPTED -> {
        if (now.isBefore(p.promptedAt.plus(settings.nudgeAfter()))) {
          return;
        }
        if (away) {
          close(p, Period.State.AWAY, now);
        } else {
          outbox.enqueue(
              SlackCalls.postMessage(
                  StatusKeys.nudge(i.id, p.dueAt),
                  i.ownerId,
                  StatusBlocks.nudgeText(i),
                  StatusBlocks.nudge(i, lastOf(i), signer)));
          p.state = Period.State.NUDGED;
          p.nudgedAt = now;
        }
      }
      case NUDGED -> {
        if (now.isBefore(p.nudgedAt.plus(settings.missingAfter()))) {
          return;
        }
        if (away) {
          close(p, Period.State.AWAY, now);
          return;
        }
        close(p, Period.State.MISSING, now);
        i.missedInRow++;
        if (i.missedInRow >= settings.staleAfterMissed() && i.staleSince == null) {
          i.staleSince = now;
          for (String admin : roles.admins()) {
            outbox.enqueue(
                SlackCalls.postMessage(
                    StatusKeys.stale(i.id, p.dueAt, admin),
                    admin,
                    StatusBlocks.staleText(i, i.missedInRow),
                    null));
          }
        }
      }
      default -> {}
    }
  }

  private StatusUpdate lastOf(Initiative i) {
    return i.lastUpdateId == null ? null : StatusUpdate.findById(i.lastUpdateId);
  }

  private static void close(Period p, Period.State state, Instant now) {
    p.state = state;
    p.closedAt = now;
  }
}
