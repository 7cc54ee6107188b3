package dev.cosbot.platform.people;

import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.User;
import dev.cosbot.platform.slack.SlackReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The people cos-bot talks to, synced from Slack and refreshed when stale. */
@ApplicationScoped
public class PeopleDirectory {
  private static final Logger LOG = Logger.getLogger(PeopleDirectory.class);

  @Inject jakarta.enterprise.event.Event<RolesChanged> rolesChanged;
  @Inject SlackReads slack;
  @Inject PeopleSettings settings;
  @Inject Clock clock;

  /**
   * The person, refreshed from Slack (users.info) when unknown or stale; stored data if Slack is
   * unreachable.
   */
  @Transactional
  public Optional<Person> get(String userId) {
    Optional<Person> known = Person.byId(userId);
    boolean stale =
        known.isEmpty()
            || known.get().syncedAt == null
            || known.get().syncedAt.isBefore(clock.instant().minus(settings.staleAfter()));
    if (!stale) {
      return known;
    }
    Optional<User> fresh =
        slack.read("users.info", c -> c.usersInfo(r -> r.user(userId))).map(r -> r.getUser());
    return fresh.map(this::upsert).or(() -> known);
  }

  /**
   * Ensures a row exists for the user (e.g. before making them an admin), fetching what Slack
   * knows.
   */
  @Transactional
  public Person getOrCreate(String userId) {
    return get(userId)
        .orElseGet(
            () -> {
              Person p = new Person();
              p.slackUserId = userId;
              p.persist();
              return p;
            });
  }

  /** Stores what Slack says about a user (users.info, users.list, user_change events). */
  @Transactional
  public Person upsert(User user) {
    Person p = Person.<Person>findByIdOptional(user.getId()).orElseGet(Person::new);
    boolean isNew = p.slackUserId == null;
    p.slackUserId = user.getId();
    if (user.getProfile() != null) {
      p.displayName = blankToNull(user.getProfile().getDisplayName());
      p.realName = blankToNull(user.getProfile().getRealName());
      p.statusText = blankToNull(user.getProfile().getStatusText());
      p.statusEmoji = blankToNull(user.getProfile().getStatusEmoji());
      Long expiration = user.getProfile().getStatusExpiration();
      p.statusExpiresAt =
          expiration == null || expiration == 0 ? null : Instant.ofEpochSecond(expiration);
    }
    if (p.realName == null) {
      p.realName = blankToNull(user.getRealName());
    }
    p.timeZone = user.getTz();
    p.bot = user.isBot() || "USLACKBOT".equals(user.getId());
    if (p.deleted != user.isDeleted() && !isNew) {
      rolesChanged.fire(new RolesChanged(p.slackUserId));
    }
    p.deleted = user.isDeleted();
    p.syncedAt = clock.instant();
    if (isNew) {
      p.persist();
    }
    return p;
  }

  /** Reads every user from Slack (users.list, paginated). Returns how many were stored. */
  public int syncAll() {
    int count = 0;
    String cursor = null;
    do {
      String page = cursor;
      Optional<UsersListResponse> response =
          slack.read("users.list", c -> c.usersList(r -> r.limit(200).cursor(page)));
      if (response.isEmpty()) {
        LOG.warnf("People sync stopped after %d users: Slack did not answer users.list", count);
        return count;
      }
      for (User user : response.get().getMembers()) {
        upsert(user);
        count++;
      }
      cursor =
          response.get().getResponseMetadata() == null
              ? null
              : response.get().getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isBlank());
    return count;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
