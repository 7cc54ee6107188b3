package dev.cosbot.platform.slack;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The one backoff rule for Slack calls: exponential from an initial delay, capped, with jitter. */
public record RetryPolicy(Duration initial, Duration max) {
  /** Delay before attempt {@code attempt + 1} after {@code attempt} failed (attempt ≥ 1). */
  public Duration delayAfter(int attempt) {
    long base = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
    long capped = Math.min(base, max.toMillis());
    // "Equal jitter": between half and all of the delay, so replicas do not retry in lockstep.
    long half = Math.max(1, capped / 2);
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  /** A Retry-After header in seconds, bounded to [1 s, 1 h]; 1 s when absent or unreadable. */
  public static Duration retryAfter(String header) {
    try {
      long seconds = Long.parseLong(header.trim());
      return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
    } catch (RuntimeException e) {
      return Duration.ofSeconds(1);
    }
  }
}
