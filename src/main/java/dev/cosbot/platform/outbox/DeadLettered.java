package dev.cosbot.platform.outbox;

import dev.cosbot.platform.slack.SlackErrors;

/**
 * Fired when Slack refused one message for good, so that a person who can fix it is told. {@code
 * kind} says whether the target is to blame (invite the bot…) or the call itself.
 */
public record DeadLettered(
    long id, String key, String method, String channel, String error, SlackErrors.Kind kind) {}
