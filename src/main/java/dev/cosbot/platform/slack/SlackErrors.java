package dev.cosbot.platform.slack;

import java.util.Set;

/**
 * The one place that decides what a Slack Web API error means for the caller: wait and retry, pause
 * everything until the token works, or give up on this one call (and whether a person can fix it).
 */
public final class SlackErrors {
  private SlackErrors() {}

  /** What an error code means. */
  public enum Kind {
    /** Slack is busy or broken for a moment: retry with backoff. */
    TRANSIENT,
    /** Too many calls: wait for Retry-After. */
    RATE_LIMITED,
    /** The bot's token no longer works: nothing can be sent until it does (pause, never drop). */
    AUTH,
    /**
     * This call's target is unusable (channel archived, bot not invited, person gone): only this
     * message fails, and a person can fix it.
     */
    RECIPIENT,
    /** The call itself is wrong (bad blocks, missing scope…): a bug or a configuration error. */
    REQUEST
  }

  /** The bot's token or installation is gone: the whole outbox pauses. */
  static final Set<String> AUTH =
      Set.of(
          "invalid_auth",
          "not_authed",
          "token_revoked",
          "token_expired",
          "account_inactive",
          "app_uninstalled",
          "tokens_revoked",
          "no_permission",
          "team_access_not_granted");

  /** Something about the target a person can fix (invite the bot, unarchive, pick someone else). */
  static final Set<String> RECIPIENT =
      Set.of(
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "user_not_found",
          "users_not_found",
          "user_not_in_channel",
          "cannot_dm_bot",
          "user_is_restricted",
          "user_disabled",
          "restricted_action",
          "restricted_action_read_only_channel",
          "restricted_action_thread_only_channel",
          "restricted_action_non_threadable_channel",
          "team_access_not_granted_to_channel",
          "message_not_found",
          "cant_update_message",
          "edit_window_closed",
          "thread_not_found");

  /** Errors Slack reports in a 200 answer that are worth another try. */
  static final Set<String> TRANSIENT =
      Set.of(
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "team_added_to_org",
          "unreadable_response");

  /** The kind of a Slack error code (or of our own {@code http_NNN} / {@code io_…} codes). */
  public static Kind classify(String error) {
    if (error == null) {
      return Kind.REQUEST;
    }
    if ("ratelimited".equals(error) || "http_429".equals(error)) {
      return Kind.RATE_LIMITED;
    }
    if (TRANSIENT.contains(error) || error.startsWith("io_") || isServerError(error)) {
      return Kind.TRANSIENT;
    }
    if (AUTH.contains(error) || "http_401".equals(error) || "http_403".equals(error)) {
      return Kind.AUTH;
    }
    if (RECIPIENT.contains(error)) {
      return Kind.RECIPIENT;
    }
    // Anything else Slack documents as a permanent method error (invalid_blocks, missing_scope…).
    return Kind.REQUEST;
  }

  private static boolean isServerError(String error) {
    return error.startsWith("http_5") && error.length() == 8;
  }
}
