package dev.cosbot.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * SLA targets per severity. A target is an ISO-8601 duration ({@code PT15M}, {@code P2D}) or a
 * number of business days ({@code 1bd}, {@code 5bd}: Saturdays and Sundays do not count).
 */
@ConfigMapping(prefix = "cosbot.escalation")
public interface EscalationSettings {
  /** Time for an S1 to be acknowledged before it climbs the chain. */
  @WithDefault("PT15M")
  String s1Ack();

  /** Time for an S1 to be resolved. */
  @WithDefault("PT4H")
  String s1Resolve();

  /** Time for an S2 to be acknowledged. */
  @WithDefault("PT4H")
  String s2Ack();

  /** Time for an S2 to be resolved. */
  @WithDefault("P2D")
  String s2Resolve();

  /** Time for an S3 to be acknowledged. */
  @WithDefault("1bd")
  String s3Ack();

  /** Time for an S3 to be resolved. */
  @WithDefault("5bd")
  String s3Resolve();

  /** Time zone in which business days (weekends) are counted. */
  @WithDefault("UTC")
  String businessZone();

  /** Share of an SLA window after which an open escalation shows as "aging" in the digest (0–1). */
  @WithDefault("0.5")
  double agingShare();

  /**
   * Escalations one person may raise per hour; more get a polite answer (one person must not be
   * able to flood every Chief of Staff and, through the chain, the CXO).
   */
  @WithDefault("10")
  int maxPerPersonPerHour();
}
