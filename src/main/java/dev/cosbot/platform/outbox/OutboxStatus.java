package dev.cosbot.platform.outbox;

/** Where an outbound Slack call is in its life. */
public enum OutboxStatus {
  /** Waiting for its next attempt. */
  PENDING,
  /** Claimed by one instance, being sent. A lapsed claim is taken over by another instance. */
  SENDING,
  /** Slack accepted it. */
  SENT,
  /** Given up: Slack refused this one call for good (bot not in channel…). Kept with the error. */
  DEAD,
  /** Dropped unsent: it stopped being useful before Slack took it (a reminder after its event). */
  EXPIRED
}
