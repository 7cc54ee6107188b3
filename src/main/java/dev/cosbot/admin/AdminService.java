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
import dev.cosbot.platform.support.SlackText;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;
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

  @Transactional
  public String addAdmin(Caller by, String userId) {
    by.requireAdmin();
    Person p = people.getOrCreate(userId);
    if (p.bot || p.deleted) {
      throw new UserFacingException(
          "That account is a bot or deactivated, so it can't be a Chief of Staff.");
    }
    if (p.admin) {
      return SlackText.mention(userId) + " is already a Chief of Staff.";
    }
    p.admin = true;
    rolesChanged.fire(new RolesChanged(userId));
    LOG.infof("%s made %s a Chief of Staff", by.userId(), userId);
    outbox.enqueue(
        SlackCalls.postMessage(
            AdminIds.adminAddedKey(userId, clock.instant()),
            userId,
            SlackText.mention(by.userId())
                + " made you a Chief of Staff in cos-bot. Type `/cos help` to see what you can do.",
            null));
    return "Done: " + SlackText.mention(userId) + " is now a Chief of Staff.";
  }

  @Transactional
  public String removeAdmin(Caller by, String userId) {
    by.requireAdmin();
    if (roles.configuredAdmins().contains(userId)) {
      throw new UserFacingException(
          SlackText.mention(userId)
              + " is named in COSBOT_ADMINS, so they stay a Chief of Staff."
              + " Change that setting to remove them.");
    }
    Person p = Person.<Person>findByIdOptional(userId).orElse(null);
    if (p == null || !p.admin) {
      return SlackText.mention(userId) + " is not a Chief of Staff.";
    }
    if (Person.count("admin = true and deleted = false") <= 1) {
      throw new UserFacingException(
          "That would leave nobody to run cos-bot. Add another Chief of Staff first.");
    }
    p.admin = false;
    rolesChanged.fire(new RolesChanged(userId));
    LOG.infof("%s removed %s as Chief of Staff", by.userId(), userId);
    return "Done: " + SlackText.mention(userId) + " is no longer a Chief of Staff.";
  }

  @Transactional
  public String setCxo(Caller by, String userId) {
    by.requireAdmin();
    Person p = people.getOrCreate(userId);
    if (p.bot || p.deleted) {
      throw new UserFacingException(
          "That account is a bot or deactivated, so it can't be the CXO.");
    }
    WorkspaceSetting.put(WorkspaceSetting.CXO, userId, by.userId());
    rolesChanged.fire(new RolesChanged(userId));
    LOG.infof("%s named %s the CXO", by.userId(), userId);
    return "Done: "
        + SlackText.mention(userId)
        + " is the CXO. Their daily digest starts with the next working day.";
  }

  @Transactional
  public String describe() {
    String admins =
        roles.admins().stream().map(SlackText::mention).collect(Collectors.joining(", "));
    String cxo = roles.cxo().map(SlackText::mention).orElse("not set — use `/cos admin cxo @user`");
    return "*Chiefs of Staff:* " + (admins.isEmpty() ? "none" : admins) + "\n*CXO:* " + cxo;
  }

  @Transactional
  public List<OutboxMessage> deadLetters(int limit) {
    return OutboxMessage.deadLetters(limit);
  }
}
