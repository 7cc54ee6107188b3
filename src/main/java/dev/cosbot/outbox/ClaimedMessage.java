package dev.cosbot.outbox;

/** A message one worker has claimed for delivery. {@code takenOver} means an earlier claim lapsed. */
record ClaimedMessage(
    long id,
    String key,
    String method,
    String channel,
    String payload,
    String refersTo,
    int attempts,
    boolean takenOver) {}
