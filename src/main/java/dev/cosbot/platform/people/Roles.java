package dev.cosbot.platform.people;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** Who is a Chief of Staff and who is the CXO; bootstrapped from COSBOT_ADMINS and COSBOT_CXO. */
@ApplicationScoped
public class Roles {
  private static final Logger LOG = Logger.getLogger(Roles.class);

  /** Name of the role-lookup cache. */
  public static final String CACHE = "roles";

  @Inject PeopleSettings settings;

  @Inject
  @CacheName(CACHE)
  Cache cache;

  @Transactional
  void bootstrap(@Observes StartupEvent event) {
    for (String id : configuredAdmins()) {
      Person p = Person.<Person>findByIdOptional(id).orElseGet(Person::new);
      if (p.slackUserId == null) {
        p.slackUserId = id;
        p.admin = true;
        p.persist();
      } else {
        p.admin = true;
      }
    }
    if (WorkspaceSetting.get(WorkspaceSetting.CXO).isEmpty() && settings.cxo().isPresent()) {
      WorkspaceSetting.put(WorkspaceSetting.CXO, settings.cxo().get().trim(), "COSBOT_CXO");
    }
    LOG.infof(
        "Chiefs of Staff: %d; CXO %s",
        Person.count("admin = true"),
        WorkspaceSetting.get(WorkspaceSetting.CXO).isPresent()
            ? "set"
            : "not set (use /cos admin cxo @user)");
  }

  /**
   * The caller's roles. Cached per user (it runs on every request); the cache is dropped when a
   * {@link RolesChanged} transaction ends on this instance, and entries expire after {@code
   * quarkus.cache.caffeine.roles.expire-after-write} for changes made on another replica.
   */
  public Caller of(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("a Slack request without a user");
    }
    return cache.get(userId, this::lookup).await().indefinitely();
  }

  private Caller lookup(String userId) {
    return QuarkusTransaction.joiningExisting().call(() -> load(userId));
  }

  private Caller load(String userId) {
    Set<Role> roles = EnumSet.of(Role.MEMBER);
    if (configuredAdmins().contains(userId)
        || Person.<Person>findByIdOptional(userId).map(p -> p.admin && !p.deleted).orElse(false)) {
      roles.add(Role.ADMIN);
    }
    if (cxo().filter(userId::equals).isPresent()) {
      roles.add(Role.CXO);
    }
    return new Caller(userId, Set.copyOf(roles));
  }

  /** Drops every cached lookup once the transaction that changed roles has ended. */
  void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) RolesChanged change) {
    cache.invalidateAll().await().indefinitely();
  }

  @Transactional
  public Optional<String> cxo() {
    return WorkspaceSetting.get(WorkspaceSetting.CXO);
  }

  /** Slack user ids of the Chiefs of Staff. */
  @Transactional
  public List<String> admins() {
    return Person.admins().stream().map(p -> p.slackUserId).toList();
  }

  /** Admins named in COSBOT_ADMINS: they stay admins whatever is done in Slack (break-glass). */
  public List<String> configuredAdmins() {
    return settings.admins().orElse(List.of()).stream()
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
