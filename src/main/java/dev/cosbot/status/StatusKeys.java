package dev.cosbot.status;

import java.time.Instant;

/**
 * Every outbox idempotency key of the status feature, built in one place: the same initiative,
 * period, update version or report week always gives the same key, so a retry never sends twice.
 */
final class StatusKeys {
  private StatusKeys() {}

  /** The DM telling a new owner (someone else made them owner). */
  static String ownerTold(long initiativeId, String ownerId) {
    return "status:owner:" + initiativeId + ":" + ownerId;
  }

  /** The confirmation of one save of an initiative. */
  static String saved(long initiativeId, Instant updatedAt) {
    return "status:saved:" + initiativeId + ":" + updatedAt.toEpochMilli();
  }

  /** The check-in prompt of one period. */
  static String prompt(long initiativeId, Instant due) {
    return "status:prompt:" + period(initiativeId, due);
  }

  /** The one nudge of one period. */
  static String nudge(long initiativeId, Instant due) {
    return "status:nudge:" + period(initiativeId, due);
  }

  /** The "stale" warning of one period to one Chief of Staff. */
  static String stale(long initiativeId, Instant due, String adminId) {
    return "status:stale:" + period(initiativeId, due) + ":" + adminId;
  }

  /** The redraw of a prompt or nudge ({@code original}) once the period's update is in. */
  static String answered(String original) {
    return original + ":answered";
  }

  /** The thanks for one version of an update. */
  static String thanks(long updateId, int version) {
    return "status:thanks:" + updateId + ":v" + version;
  }

  /** The reply to the ask of one version of an update, to the person who asked. */
  static String askReply(long updateId, int version) {
    return "status:ask-reply:" + updateId + ":v" + version;
  }

  /** The ask's direct message of one version, updated to show the reply was sent. */
  static String askReplied(long updateId, int version) {
    return "status:ask-replied:" + updateId + ":v" + version;
  }

  /** The ask of one version of an update, to the person it is addressed to. */
  static String ask(long updateId, int version) {
    return "status:ask:" + updateId + ":v" + version;
  }

  /** One version of an update, shared in the initiative's channel. */
  static String shared(long updateId, int version) {
    return "status:shared:" + updateId + ":v" + version;
  }

  /** The weekly report to one channel for one week. */
  static String weekly(String channel, String week) {
    return "status:report:" + channel + ":" + week;
  }

  /** A report shared on request: one per person, channel and click. */
  static String sharedReport(String channel, String userId, String clickId) {
    return "status:report-share:" + channel + ":" + userId + ":" + clickId;
  }

  /** The confirmation of one report-zone choice (one submission of the modal). */
  static String zoneChosen(String userId, String submissionId) {
    return "status:zone:" + userId + ":" + submissionId;
  }

  private static String period(long initiativeId, Instant due) {
    return initiativeId + ":" + due.getEpochSecond();
  }
}
