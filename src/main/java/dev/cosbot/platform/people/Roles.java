package dev.cosbot.platform.people;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

  @Inject PeopleSettings settings;

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
        "%d Chief(s) of Staff; CXO %s",
        Person.count("admin = true"),
        WorkspaceSetting.get(WorkspaceSetting.CXO).isPresent()
            ? "set"
            : "not set (use /cos admin cxo @user)");
  }

  @Transactional
  public Caller of(String userId) {
    Set<Role> roles = EnumSet.of(Role.MEMBER);
    if (configuredAdmins().contains(userId)
        || Person.<Person>findByIdOptional(userId).map(p -> p.admin && !p.deleted).orElse(false)) {
      roles.add(Role.ADMIN);
    }
    if (cxo().filter(userId::equals).isPresent()) {
      roles.add(Role.CXO);
    }
    return new Caller(userId, roles);
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
