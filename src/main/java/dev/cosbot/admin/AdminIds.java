package dev.cosbot.admin;

import java.time.Instant;

/** Outbox keys of the admin feature, in one place. */
public final class AdminIds {
  private AdminIds() {}

  /** The "you are now a Chief of Staff" DM of a grant made at {@code at}. */
  public static String adminAddedKey(String userId, Instant at) {
    return "admin-added:" + userId + ":" + at.toEpochMilli();
  }
}
