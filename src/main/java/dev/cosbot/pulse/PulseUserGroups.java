package dev.cosbot.pulse;

import dev.cosbot.platform.slack.SlackReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The workspace's user groups, for the survey form's group pickers (Slack has no built-in
 * user-group select): read with usergroups.list at most every few minutes and within the 3 s an
 * options request allows, then filtered by what the person typed.
 */
@ApplicationScoped
public class PulseUserGroups {
  /** A user group as people pick it. */
  public record Group(String id, String handle, String name, int members) {
    /** How the group reads in a picker and in results: "@eng-leads (Engineering leads)". */
    public String label() {
      String at = handle == null || handle.isBlank() ? name : "@" + handle;
      return name == null || name.isBlank() || name.equalsIgnoreCase(handle)
          ? at
          : at + " (" + name + ")";
    }
  }

  private static final Duration FRESH = Duration.ofMinutes(5);
  private static final Duration WAIT = Duration.ofMillis(2000);
  private static final Duration RECHECK = Duration.ofSeconds(5);

  @Inject SlackReads slack;
  @Inject Clock clock;

  private volatile List<Group> cached = List.of();
  private volatile Instant readAt = Instant.EPOCH;

  /** Every enabled user group (cached for a few minutes); empty when Slack does not answer. */
  public List<Group> all() {
    return all(FRESH);
  }

  private List<Group> all(Duration fresh) {
    Instant now = clock.instant();
    if (now.isBefore(readAt.plus(fresh)) && !cached.isEmpty()) {
      return cached;
    }
    Optional<List<Group>> read =
        slack
            .readWithin("usergroups.list", WAIT, c -> c.usergroupsList(r -> r.includeCount(true)))
            .map(
                r ->
                    r.getUsergroups() == null
                        ? List.<Group>of()
                        : r.getUsergroups().stream()
                            .filter(g -> g.getDateDelete() == null || g.getDateDelete() == 0)
                            .map(
                                g ->
                                    new Group(
                                        g.getId(),
                                        g.getHandle(),
                                        g.getName(),
                                        g.getUserCount() == null ? 0 : g.getUserCount()))
                            .toList());
    if (read.isPresent()) {
      cached = read.get();
      readAt = now;
    }
    return cached;
  }

  /** Groups whose handle or name contains {@code typed} (all when blank), at most 100. */
  public List<Group> matching(String typed) {
    List<Group> found = matching(all(), typed);
    // A group created a moment ago is not in the cache yet: a miss reads the list again.
    return found.isEmpty() ? matching(all(RECHECK), typed) : found;
  }

  private static List<Group> matching(List<Group> groups, String typed) {
    String q = typed == null ? "" : typed.strip().replace("@", "").toLowerCase(Locale.ROOT);
    return groups.stream()
        .filter(
            g ->
                q.isEmpty()
                    || (g.handle() != null && g.handle().toLowerCase(Locale.ROOT).contains(q))
                    || (g.name() != null && g.name().toLowerCase(Locale.ROOT).contains(q)))
        .limit(100)
        .toList();
  }

  /** The group with this id, if Slack lists it. */
  public Optional<Group> byId(String id) {
    return all().stream().filter(g -> g.id().equals(id)).findFirst();
  }
}
