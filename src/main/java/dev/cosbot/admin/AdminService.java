package dev.cosbot.admin;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.OutboxMessage;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Person;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.people.RolesChanged;
import dev.cosbot.platform.people.WorkspaceSetting;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Changes who the Chiefs of Staff and the CXO are; each change is logged and the person is told.
 */
@ApplicationScoped
public class AdminService {
  private static final Logger LOG = Logger.getLogger(AdminService.class);

  @Inject PeopleDirectory people;
  @Inject Roles roles;
  @Inject Outbox outbox;
  @Inject Event<RolesChanged> rolesChanged;
  @Inject java.time.Clock clock;

  /** What a role change did. */
  public enum Outcome {
    ADDED,
    ALREADY_ADMIN,
    REMOVED,
    NOT_ADMIN,
    CXO_NAMED
  }

  /** The result of a role change, for the command to word. */
  public record Change(String userId, Outcome outcome) {}

  /** Who runs cos-bot. */
  public record Team(List<String> admins, java.util.Optional<String> cxo) {}

  @Transactional
  public Change addAdmin(Caller by, String userId) {
    by.requireAdmin();
    Person p = people.getOrCreate(userId);
    if (p.bot || p.deleted) {
      throw new UserFacingException(AdminMessages.BOT_OR_DEACTIVATED_ADMIN);
    }
    if (p.admin) {
      return new Change(userId, Outcome.ALREADY_ADMIN);
    }
    p.admin = true;
    rolesChanged.fire(new RolesChanged(userId));
    LOG.infof("%s made %s a Chief of Staff", by.userId(), userId);
    outbox.enqueue(
        SlackCalls.postMessage(
            AdminIds.adminAddedKey(userId, clock.instant()),
            userId,
            AdminMessages.youAreAdmin(by.userId()),
            null));
    return new Change(userId, Outcome.ADDED);
  }

  @Transactional
  public Change removeAdmin(Caller by, String userId) {
    by.requireAdmin();
    if (roles.configuredAdmins().contains(userId)) {
      throw new UserFacingException(AdminMessages.configuredAdmin(userId));
    }
    Person p = Person.<Person>findByIdOptional(userId).orElse(null);
    if (p == null || !p.admin) {
      return new Change(userId, Outcome.NOT_ADMIN);
    }
    if (Person.count("admin = true and deleted = false") <= 1) {
      throw new UserFacingException(AdminMessages.LAST_ADMIN);
    }
    p.admin = false;
    rolesChanged.fire(new RolesChanged(userId));
    LOG.infof("%s removed %s as Chief of Staff", by.userId(), userId);
    return new Change(userId, Outcome.REMOVED);
  }

  @Transactional
  public Change setCxo(Caller by, String userId) {
    by.requireAdmin();
    Person p = people.getOrCreate(userId);
    if (p.bot || p.deleted) {
      throw new UserFacingException(AdminMessages.BOT_OR_DEACTIVATED_CXO);
    }
    WorkspaceSetting.put(WorkspaceSetting.CXO, userId, by.userId());
    rolesChanged.fire(new RolesChanged(userId));
    LOG.infof("%s named %s the CXO", by.userId(), userId);
    return new Change(userId, Outcome.CXO_NAMED);
  }

  @Transactional
  public Team team() {
    return new Team(roles.admins(), roles.cxo());
  }

  @Transactional
  public List<OutboxMessage> deadLetters(int limit) {
    return OutboxMessage.deadLetters(limit);
  }
}
