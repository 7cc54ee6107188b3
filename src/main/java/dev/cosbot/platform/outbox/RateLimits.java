package dev.cosbot.platform.outbox;

import java.util.HashMap;
import java.util.Map;

/**
 * Paces calls per Web API method and per channel with a generic cell rate algorithm (a token bucket
 * without a timer). A call reserves its slot under every key it is paced by in one step, so workers
 * that wait at the same time never take the same slot; the rates are this replica's share of the
 * cluster's budget (see {@link OutboxDispatcher}).
 */
final class RateLimits {
  private final Map<String, Long> theoreticalArrival = new HashMap<>();

  /** One key a call is paced by: its rate and how many calls may go back to back. */
  record Limit(String key, double perSecond, int burst) {
    long interval() {
      return (long) (1_000_000_000L / perSecond);
    }

    long tolerance() {
      return (long) (Math.max(1, burst) - 1) * interval();
    }
  }

  /**
   * Reserves the earliest slot allowed by every limit if it is at most {@code maxWait} away, and
   * returns how long to wait for it (0: go now). When the slot is further away nothing is reserved
   * and the (positive) wait is returned as {@code -wait - 1}, so the caller can come back later.
   */
  synchronized long reserve(long now, long maxWait, Limit... limits) {
    long at = now;
    for (Limit limit : limits) {
      if (limit == null) {
        continue;
      }
      long tat = theoreticalArrival.getOrDefault(limit.key(), now);
      at = Math.max(at, tat - limit.tolerance());
    }
    long wait = at - now;
    if (wait > maxWait) {
      return -wait - 1;
    }
    for (Limit limit : limits) {
      if (limit == null) {
        continue;
      }
      long tat = Math.max(theoreticalArrival.getOrDefault(limit.key(), now), at);
      theoreticalArrival.put(limit.key(), tat + limit.interval());
    }
    return wait;
  }

  /** Nobody sends under {@code limit} before {@code until} (Slack said Retry-After). */
  synchronized void pauseUntil(Limit limit, long until) {
    theoreticalArrival.merge(limit.key(), until + limit.tolerance(), Math::max);
  }
}
