package dev.cosbot.bench;

import java.util.Arrays;

/** Recorded latencies of one run and their percentiles (exact: every sample is kept). */
public final class Latencies {
  private long[] nanos = new long[1024];
  private int size;

  public synchronized void add(long latencyNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = latencyNanos;
  }

  public synchronized int count() {
    return size;
  }

  /** The q-th quantile (0..1) in milliseconds, nearest-rank; NaN when empty. */
  public synchronized double percentileMillis(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * size);
    return sorted[Math.min(size - 1, Math.max(0, rank - 1))] / 1_000_000.0;
  }

  public synchronized double maxMillis() {
    long max = 0;
    for (int i = 0; i < size; i++) {
      max = Math.max(max, nanos[i]);
    }
    return size == 0 ? Double.NaN : max / 1_000_000.0;
  }
}
