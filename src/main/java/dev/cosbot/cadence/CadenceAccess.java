package dev.cosbot.cadence;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.slack.SlackReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may see a cadence: one that posts in a private channel (its name, schedule and checklist) is
 * shown only to members of that channel, to its owner and to Chiefs of Staff. Privacy
 * (conversations.info) and membership (conversations.members) come from Slack and are cached for a
 * few minutes; when Slack cannot tell, the channel counts as private and nobody but the Chiefs of
 * Staff sees the cadence.
 */
@ApplicationScoped
public class CadenceAccess {
  static final Duration TTL = Duration.ofMinutes(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

  @Inject SlackReads slack;
  @Inject Clock clock;

  private record Cached<T>(T value, Instant until) {}

  private final Map<String, Cached<Boolean>> privacy = new ConcurrentHashMap<>();
  private final Map<String, Cached<Set<String>>> members = new ConcurrentHashMap<>();

  /** Whether {@code viewer} may know of the cadence at all. */
  public boolean visibleTo(Caller viewer, Cadence c) {
    if (viewer.isAdmin() || viewer.userId().equals(c.ownerId) || !isPrivate(c.channelId)) {
      return true;
    }
    return members(c.channelId).contains(viewer.userId());
  }

  /**
   * For readers that are nobody in particular (the calendar feed): public-channel cadences only.
   */
  public boolean isPublic(Cadence c) {
    return !isPrivate(c.channelId);
  }

  boolean isPrivate(String channelId) {
    if (channelId == null || channelId.isBlank()) {
      return false; // reminders only by DM to the cadence's people: nothing channel-bound to hide
    }
    Cached<Boolean> hit = privacy.get(channelId);
    if (hit != null && clock.instant().isBefore(hit.until())) {
      return hit.value();
    }
    Optional<Boolean> answer =
        slack
            .readWithin(
                "conversations.info",
                READ_TIMEOUT,
                m -> m.conversationsInfo(r -> r.channel(channelId)))
            .filter(r -> r.getChannel() != null)
            .map(
                r ->
                    r.getChannel().isPrivate()
                        || r.getChannel().isGroup()
                        || r.getChannel().isMpim());
    answer.ifPresent(p -> privacy.put(channelId, new Cached<>(p, clock.instant().plus(TTL))));
    return answer.orElse(true);
  }

  Set<String> members(String channelId) {
    Cached<Set<String>> hit = members.get(channelId);
    if (hit != null && clock.instant().isBefore(hit.until())) {
      return hit.value();
    }
    SlackReads.Members found = slack.channelMembers(channelId, 50, READ_TIMEOUT);
    if (!found.complete()) {
      return new HashSet<>(found.ids()); // not cached: ask again next time
    }
    Set<String> result = Set.copyOf(found.ids());
    members.put(channelId, new Cached<>(result, clock.instant().plus(TTL)));
    return result;
  }
}
