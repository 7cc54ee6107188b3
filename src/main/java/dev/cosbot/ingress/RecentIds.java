package dev.cosbot.ingress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first line of de-duplication: ids this replica saw in the last minutes, in memory, so that a
 * retry or a replay is turned away without a database round trip. Bounded: the oldest id is
 * forgotten first, which is safe because the database receipt stays the authority for anything that
 * has an effect.
 */
final class RecentIds {
  private final int capacity;
  private final long ttlMillis;
  private final LinkedHashMap<String, Long> expiries;

  RecentIds(int capacity, long ttlMillis) {
    this.capacity = capacity;
    this.ttlMillis = ttlMillis;
    this.expiries =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > RecentIds.this.capacity
                || eldest.getValue() < System.currentTimeMillis();
          }
        };
  }

  /** True the first time {@code id} is seen within the time to live. */
  synchronized boolean firstSeen(String id) {
    long now = System.currentTimeMillis();
    Long expiry = expiries.get(id);
    if (expiry != null && expiry >= now) {
      return false;
    }
    expiries.remove(id);
    expiries.put(id, now + ttlMillis);
    return true;
  }

  /** Forgets {@code id}, so that the next delivery is handled (its handling failed). */
  synchronized void forget(String id) {
    expiries.remove(id);
  }

  synchronized void clear() {
    expiries.clear();
  }

  synchronized int size() {
    return expiries.size();
  }
}
