package dev.cosbot.platform.slack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a person is in a channel, asked of Slack (conversations.members, paged): empty when Slack
 * cannot tell, e.g. a private channel the bot was not invited to, so callers refuse rather than
 * guess.
 */
@ApplicationScoped
public class ChannelMembership {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);
  private static final int MAX_PAGES = 20;

  @Inject SlackReads slack;

  /** True or false as Slack says; empty when Slack did not answer or refused. */
  public Optional<Boolean> isMember(String channelId, String userId) {
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String c = cursor;
      var response =
          slack.readWithin(
              "conversations.members",
              READ_TIMEOUT,
              m -> m.conversationsMembers(r -> r.channel(channelId).limit(1000).cursor(c)));
      if (response.isEmpty() || !response.get().isOk()) {
        return Optional.empty();
      }
      if (response.get().getMembers() != null && response.get().getMembers().contains(userId)) {
        return Optional.of(true);
      }
      cursor =
          response.get().getResponseMetadata() == null
              ? null
              : response.get().getResponseMetadata().getNextCursor();
      if (cursor == null || cursor.isBlank()) {
        return Optional.of(false);
      }
    }
    return Optional.of(false);
  }
}
