package dev.cosbot.platform.people;

/**
 * Fired inside the transaction that changes who is a Chief of Staff or the CXO (or deactivates
 * someone); the cached role lookups are dropped when that transaction ends.
 */
public record RolesChanged(String userId) {}
