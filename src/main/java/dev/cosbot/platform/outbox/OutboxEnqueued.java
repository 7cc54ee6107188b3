package dev.cosbot.platform.outbox;

/** Fired when a message is queued; observed after commit to wake a delivery worker at once. */
public record OutboxEnqueued(String key) {}
