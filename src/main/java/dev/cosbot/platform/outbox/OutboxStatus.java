package dev.cosbot.platform.outbox;

/** Where an outbound Slack call is in its life. */
public enum OutboxStatus {
  /** Waiting for its next attempt. */
  PENDING,
  /** Claimed by one instance, being sent. A lapsed claim is taken over by another instance. */
  SENDING,
  /** Slack accepted it. */
  SENT,
  /** Given up: a permanent Slack error or too many failed attempts. Kept with the error. */
  DEAD
}
