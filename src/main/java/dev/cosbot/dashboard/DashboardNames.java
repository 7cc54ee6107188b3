package dev.cosbot.dashboard;

import dev.cosbot.platform.people.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * People's names for a page in one query (never a Slack call per row): pages and CSV files show
 * names, not Slack ids.
 */
@ApplicationScoped
public class DashboardNames {
  static final String UNKNOWN = "Someone not yet known";
  static final int SLACK_LOOKUPS_PER_PAGE = 25;

  @jakarta.inject.Inject dev.cosbot.platform.people.PeopleDirectory people;

  /** Names by Slack user id; missing ids map to {@link #UNKNOWN} through {@link Names#of}. */
  @Transactional
  public Names of(Collection<String> ids) {
    List<String> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = new HashMap<>();
    if (!wanted.isEmpty()) {
      for (Person p : Person.<Person>list("slackUserId in ?1", wanted)) {
        names.put(p.slackUserId, p.name());
      }
      // Someone the directory has not met yet is read from Slack once (then stored), a few per
      // page so that a page never waits on dozens of calls.
      wanted.stream()
          .filter(id -> !names.containsKey(id) || names.get(id).equals(id))
          .limit(SLACK_LOOKUPS_PER_PAGE)
          .forEach(id -> people.get(id).ifPresent(p -> names.put(id, p.name())));
      names.values().removeIf(n -> n.matches("[UW][A-Z0-9]{6,}"));
    }
    return new Names(names);
  }

  /** Everyone who can be picked in a settings form (people, not bots), by name. */
  @Transactional
  public List<Person> pickable() {
    return Person.<Person>list("bot = false and deleted = false").stream()
        .sorted(java.util.Comparator.comparing(p -> p.name().toLowerCase(java.util.Locale.ROOT)))
        .toList();
  }

  /** A lookup of names. */
  public record Names(Map<String, String> byId) {
    public String of(String id) {
      if (id == null) {
        return "—";
      }
      return byId.getOrDefault(id, UNKNOWN);
    }
  }
}
