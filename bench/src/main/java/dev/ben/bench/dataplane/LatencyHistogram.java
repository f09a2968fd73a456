package dev.ben.bench.dataplane;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, log-linear: 64 sub-buckets per power of two, so any percentile is
 * within about 1.6% of the recorded value, in fixed memory, and recording from several threads
 * needs no lock.
 */
public final class LatencyHistogram {

  private static final int SUB_BUCKETS = 64;
  private static final int EXACT = 2 * SUB_BUCKETS;

  private final AtomicLongArray counts = new AtomicLongArray(EXACT + (63 - 7 + 1) * SUB_BUCKETS);

  public void recordMicros(long micros) {
    counts.incrementAndGet(index(Math.max(0, micros)));
  }

  public void recordNanos(long nanos) {
    recordMicros(nanos / 1_000);
  }

  public long count() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }

  /**
   * The value at the percentile (0 < p <= 100), in microseconds: the upper edge of its bucket; 0
   * when empty.
   */
  public long percentileMicros(double percentile) {
    long total = count();
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(total * percentile / 100.0);
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return upperEdge(i);
      }
    }
    return upperEdge(counts.length() - 1);
  }

  public double percentileMillis(double percentile) {
    return percentileMicros(percentile) / 1_000.0;
  }

  /** Values below 128 have a bucket each; above, 64 buckets per power of two. */
  static int index(long value) {
    if (value < EXACT) {
      return (int) value;
    }
    int power = 63 - Long.numberOfLeadingZeros(value);
    int shift = power - 6;
    return EXACT + (power - 7) * SUB_BUCKETS + (int) ((value >>> shift) - SUB_BUCKETS);
  }

  static long upperEdge(int index) {
    if (index < EXACT) {
      return index;
    }
    int k = index - EXACT;
    int shift = 7 + k / SUB_BUCKETS - 6;
    long mantissa = SUB_BUCKETS + k % SUB_BUCKETS;
    return ((mantissa + 1) << shift) - 1;
  }
}
