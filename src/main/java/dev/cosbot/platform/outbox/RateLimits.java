package dev.cosbot.platform.outbox;

import java.util.HashMap;
import java.util.Map;

/**
 * Paces calls per Web API method and per channel with a generic cell rate algorithm (a token bucket
 * without a timer). Per instance: with several replicas Slack's 429s, which pause the method for
 * every worker here, keep the total in line.
 */
final class RateLimits {
  private final Map<String, Long> theoreticalArrival = new HashMap<>();

  /** Nanoseconds to wait before a call under {@code key} may go; 0 means it may go now. */
  synchronized long waitNanos(String key, double perSecond, int burst, long now) {
    long interval = (long) (1_000_000_000L / perSecond);
    long tat = Math.max(theoreticalArrival.getOrDefault(key, now), now);
    long wait = tat - now - (long) (burst - 1) * interval;
    return Math.max(0, wait);
  }

  /** Records that a call under {@code key} went at {@code now}. */
  synchronized void take(String key, double perSecond, long now) {
    long interval = (long) (1_000_000_000L / perSecond);
    long tat = Math.max(theoreticalArrival.getOrDefault(key, now), now);
    theoreticalArrival.put(key, tat + interval);
  }

  /** Nobody sends under {@code key} before {@code until} (Slack said Retry-After). */
  synchronized void pauseUntil(String key, long until, double perSecond, int burst) {
    long interval = (long) (1_000_000_000L / perSecond);
    theoreticalArrival.merge(key, until + (long) (burst - 1) * interval, Math::max);
  }
}
