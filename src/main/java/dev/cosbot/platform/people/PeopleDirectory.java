package dev.cosbot.platform.people;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.User;
import dev.cosbot.platform.slack.SlackReads;
import dev.cosbot.platform.slack.SlackSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The one way features know a person (name, time zone, status): the people table as a cache of
 * Slack, read through from {@code users.info} for anyone unknown, known without a time zone, or
 * stale, and filled once at first start from {@code users.list}. Slack is read outside any database
 * transaction where possible; inside one, the read is a single attempt bounded by a short timeout.
 */
@ApplicationScoped
public class PeopleDirectory {
  private static final Logger LOG = Logger.getLogger(PeopleDirectory.class);
  private static final ZoneId UTC = ZoneId.of("UTC");

  /** A person Slack could not tell us about is not asked for again before this. */
  private static final Duration MISS_BACKOFF = Duration.ofMinutes(5);

  /** A Slack read while the caller holds a database transaction waits at most this long. */
  private static final Duration IN_TRANSACTION_TIMEOUT = Duration.ofSeconds(2);

  /** Key of the workspace setting that records the first-start fill. */
  static final String FILLED = "people.first_fill";

  @Inject jakarta.enterprise.event.Event<RolesChanged> rolesChanged;
  @Inject SlackReads slack;
  @Inject SlackSettings slackSettings;
  @Inject PeopleSettings settings;
  @Inject Clock clock;

  private final Map<String, Instant> misses = new ConcurrentHashMap<>();

  /**
   * The person, read from Slack (users.info) when unknown, without a time zone, or stale; what is
   * stored if Slack does not answer.
   */
  public Optional<Person> get(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    Optional<Person> known = QuarkusTransaction.joiningExisting().call(() -> Person.byId(userId));
    if (known.isPresent() && !needsSlack(known.get())) {
      return known;
    }
    Instant missed = misses.get(userId);
    Instant now = clock.instant();
    // A miss recorded "in the future" (the clock was set back) does not extend the back-off.
    if (missed != null && !now.isBefore(missed) && now.isBefore(missed.plus(MISS_BACKOFF))) {
      return known;
    }
    SlackReads.Call<UsersInfoResponse> call = c -> c.usersInfo(r -> r.user(userId));
    Optional<User> fresh =
        (QuarkusTransaction.isActive()
                ? slack.readWithin("users.info", IN_TRANSACTION_TIMEOUT, call)
                : slack.read("users.info", call))
            .map(UsersInfoResponse::getUser);
    if (fresh.isEmpty()) {
      misses.put(userId, clock.instant());
      return known;
    }
    misses.remove(userId);
    return Optional.of(upsert(fresh.get()));
  }

  /** The person's time zone as Slack knows it; UTC only when Slack cannot tell us. */
  public ZoneId zoneOf(String userId) {
    return get(userId).map(Person::zone).orElse(UTC);
  }

  /** A name for messages: display name, else real name, else the id. */
  public String nameOf(String userId) {
    return get(userId).map(Person::name).orElse(userId);
  }

  /**
   * The Slack user id a person typed in a form means: a mention ({@code <@U123>}, {@code
   * <@U123|ann>}), a bare id, or a name — {@code @display name}, display name or real name,
   * case-insensitive. Empty when nobody (or more than one person) has that name.
   */
  public Optional<String> resolve(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    String w = typed.trim();
    if (w.startsWith("<@") && w.endsWith(">")) {
      w = w.substring(2, w.length() - 1);
      int bar = w.indexOf('|');
      w = bar >= 0 ? w.substring(0, bar) : w;
      return w.matches("[UW][A-Z0-9]{2,20}") ? Optional.of(w) : Optional.empty();
    }
    if (!w.startsWith("@") && w.matches("[UW][A-Z0-9]{2,20}")) {
      return Optional.of(w);
    }
    String name = (w.startsWith("@") ? w.substring(1) : w).trim().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              List<Person> byDisplay =
                  Person.list("deleted = false and bot = false and lower(displayName) = ?1", name);
              List<Person> found =
                  byDisplay.isEmpty()
                      ? Person.list(
                          "deleted = false and bot = false and lower(realName) = ?1", name)
                      : byDisplay;
              return found.size() == 1
                  ? Optional.of(found.get(0).slackUserId)
                  : Optional.<String>empty();
            });
  }

  private boolean needsSlack(Person p) {
    return p.syncedAt == null
        || p.timeZone == null
        || p.timeZone.isBlank()
        || p.syncedAt.isBefore(clock.instant().minus(settings.staleAfter()));
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
    return sync().count();
  }

  /**
   * Fills the directory from Slack once per database, at the first start, so that zones and names
   * are known before anyone needs them rather than after the nightly sync. The first instance to
   * claim the fill does it; if Slack stops answering part-way, the claim is released and the next
   * start tries again (the nightly sync and users.info cover the meantime). False when there was
   * nothing to do.
   */
  public boolean fillOnce() {
    if (!slackSettings.canCallSlack()) {
      return false;
    }
    boolean claimed =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Person.getEntityManager()
                            .createNativeQuery(
                                "INSERT INTO workspace_setting (setting_key, setting_value, updated_by, updated_at)"
                                    + " VALUES (?1, 'started', 'cos-bot', now()) ON CONFLICT (setting_key) DO NOTHING")
                            .setParameter(1, FILLED)
                            .executeUpdate()
                        == 1);
    if (!claimed) {
      return false;
    }
    Sync result = sync();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (result.complete()) {
                WorkspaceSetting.put(FILLED, "done: " + result.count() + " people", "cos-bot");
              } else {
                WorkspaceSetting.deleteById(FILLED);
              }
            });
    LOG.infof(
        "People directory %s at first start: %d people from Slack",
        result.complete() ? "filled" : "partly filled (retried at the next start)", result.count());
    return true;
  }

  private record Sync(int count, boolean complete) {}

  /**
   * Pages through users.list (200 a page, Tier 2: one page every {@code listPagePause}), each page
   * stored in a short transaction of its own; Slack is never called inside one.
   */
  private Sync sync() {
    int count = 0;
    int pages = 0;
    String cursor = null;
    do {
      if (pages++ > 0) {
        pause(settings.listPagePause()); // Slack may send empty pages with a cursor: pace them too
      }
      String page = cursor;
      Optional<UsersListResponse> response =
          slack.read("users.list", c -> c.usersList(r -> r.limit(200).cursor(page)));
      if (response.isEmpty()) {
        LOG.warnf("People sync stopped after %d users: Slack did not answer users.list", count);
        return new Sync(count, false);
      }
      List<User> members =
          response.get().getMembers() == null ? List.of() : response.get().getMembers();
      QuarkusTransaction.requiringNew().run(() -> members.forEach(this::upsert));
      count += members.size();
      misses.clear();
      cursor =
          response.get().getResponseMetadata() == null
              ? null
              : response.get().getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isBlank());
    return new Sync(count, true);
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
