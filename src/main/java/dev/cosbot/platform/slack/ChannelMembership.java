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
    SlackReads.Members members = slack.channelMembers(channelId, MAX_PAGES, READ_TIMEOUT);
    if (members.ids().contains(userId)) {
      return Optional.of(true);
    }
    return members.complete() ? Optional.of(false) : Optional.empty();
  }
}
