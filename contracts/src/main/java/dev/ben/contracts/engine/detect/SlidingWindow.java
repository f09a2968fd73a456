package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Count, sum, min and max over the last {@code windowMillis} of event time, in a ring of {@link
 * #BUCKETS} buckets. Memory is bounded per instance; a bucket is reused once its time has passed
 * out of the window.
 *
 * <p>Counts and TTL counters only ever add 1, and then a bucket's sum is its count and its min and
 * max are 1 (or the empty bucket's infinities): such a window keeps its counts alone, a third of
 * the memory a detector touches per key, and holds sums, mins and maxs only from the first other
 * value (or a snapshot that has them otherwise). Every answer and snapshot is the same either way.
 *
 * <p>A detector reads its window's count for every event of the key, and with many keys the buckets
 * are rarely in the processor's cache: the count of the buckets live at the newest bucket seen so
 * far is kept as buckets are added and pass out of the window, so a read while time moves forward
 * touches a few buckets rather than all of them. A read at an earlier time counts the buckets.
 */
public final class SlidingWindow implements FeatureState {

  public static final int BUCKETS = 60;

  private final long bucketMillis;

  /**
   * Per slot, the bucket's number and then its count, side by side: adding to a bucket touches one
   * cache line, and a window is one array rather than two.
   */
  private final long[] buckets = new long[2 * BUCKETS];

  /**
   * The newest bucket number {@link #liveCount} is for ({@link #UNKNOWN} after a restore, until the
   * next read); no bucket is newer. A new window has no bucket, so any time is after it.
   */
  private long frontier = BEFORE_ANY;

  /** The sum of the counts of the buckets live at {@link #frontier}. */
  private long liveCount;

  private static final long UNKNOWN = Long.MIN_VALUE;
  private static final long BEFORE_ANY = Long.MIN_VALUE + 1;

  /** Null while every value added was 1. */
  private double[] sums;

  private double[] mins;
  private double[] maxs;

  public SlidingWindow(long windowMillis) {
    this.bucketMillis = Math.max(1, (windowMillis + BUCKETS - 1) / BUCKETS);
    clear();
  }

  /** Every bucket unused. */
  private void clear() {
    for (int slot = 0; slot < BUCKETS; slot++) {
      buckets[2 * slot] = Long.MIN_VALUE;
      buckets[2 * slot + 1] = 0;
    }
  }

  /** Adds a value at event time {@code atMillis}; false when it is older than the window (late). */
  public boolean add(long atMillis, double value, long nowMillis) {
    long number = Math.floorDiv(atMillis, bucketMillis);
    long newest = newest(nowMillis);
    if (!live(number, newest)) {
      return false;
    }
    catchUp(newest);
    int slot = slot(number);
    if (sums == null && value != 1) {
      holdValues();
    }
    if (buckets[2 * slot] != number) {
      if (live(buckets[2 * slot], frontier)) {
        liveCount -= buckets[2 * slot + 1];
      }
      buckets[2 * slot] = number;
      buckets[2 * slot + 1] = 0;
      if (sums != null) {
        sums[slot] = 0;
        mins[slot] = Double.POSITIVE_INFINITY;
        maxs[slot] = Double.NEGATIVE_INFINITY;
      }
    }
    buckets[2 * slot + 1]++;
    if (live(number, frontier)) {
      liveCount++;
    }
    if (sums != null) {
      sums[slot] += value;
      mins[slot] = Math.min(mins[slot], value);
      maxs[slot] = Math.max(maxs[slot], value);
    }
    return true;
  }

  /** From here on each bucket's sum, min and max are held, starting from what its count implies. */
  private void holdValues() {
    double[] heldSums = new double[BUCKETS];
    double[] heldMins = new double[BUCKETS];
    double[] heldMaxs = new double[BUCKETS];
    for (int slot = 0; slot < BUCKETS; slot++) {
      heldSums[slot] = sumAt(slot);
      heldMins[slot] = minAt(slot);
      heldMaxs[slot] = maxAt(slot);
    }
    sums = heldSums;
    mins = heldMins;
    maxs = heldMaxs;
  }

  // A bucket of ones: 1 added n times is exactly n, for any count a window can reach.
  private double sumAt(int slot) {
    return sums != null ? sums[slot] : buckets[2 * slot + 1];
  }

  private double minAt(int slot) {
    return sums != null ? mins[slot] : buckets[2 * slot + 1] > 0 ? 1 : Double.POSITIVE_INFINITY;
  }

  private double maxAt(int slot) {
    return sums != null ? maxs[slot] : buckets[2 * slot + 1] > 0 ? 1 : Double.NEGATIVE_INFINITY;
  }

  /** The number of the bucket {@code nowMillis} falls in: found once per read, not per bucket. */
  private long newest(long nowMillis) {
    return Math.floorDiv(nowMillis, bucketMillis);
  }

  private static boolean live(long number, long newest) {
    return number > newest - BUCKETS && number <= newest;
  }

  private static int slot(long number) {
    return (int) Math.floorMod(number, (long) BUCKETS);
  }

  /**
   * Moves {@link #frontier} up to {@code newest} when time moved on, taking the buckets that passed
   * out of the window off the running count; true when the running count is the one at {@code
   * newest}.
   */
  private boolean catchUp(long newest) {
    if (frontier == UNKNOWN) {
      recount(newest);
    } else if (newest > frontier) {
      long moved = newest - frontier;
      // Negative only past the long range, as from a new window's BEFORE_ANY: all passed out.
      if (moved >= BUCKETS || moved < 0) {
        liveCount = 0;
      } else {
        // The slot found once and then stepped: a division per bucket cost more than the rest.
        long first = frontier - BUCKETS + 1;
        int slot = slot(first);
        for (long number = first; number <= newest - BUCKETS; number++) {
          if (buckets[2 * slot] == number) {
            liveCount -= buckets[2 * slot + 1];
          }
          slot = slot == BUCKETS - 1 ? 0 : slot + 1;
        }
      }
      frontier = newest;
    }
    return newest == frontier;
  }

  /** After a restore, which may hold buckets newer than {@code newest}. */
  private void recount(long newest) {
    long highest = newest;
    for (int slot = 0; slot < BUCKETS; slot++) {
      highest = Math.max(highest, buckets[2 * slot]);
    }
    frontier = highest;
    liveCount = countAt(highest);
  }

  public long count(long nowMillis) {
    long newest = newest(nowMillis);
    return catchUp(newest) ? liveCount : countAt(newest);
  }

  private long countAt(long newest) {
    long total = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (live(buckets[2 * slot], newest)) {
        total += buckets[2 * slot + 1];
      }
    }
    return total;
  }

  public double sum(long nowMillis) {
    if (sums == null) {
      // Every value was 1: the sum is the count, exactly (as adding the buckets' counts would be).
      return count(nowMillis);
    }
    long newest = newest(nowMillis);
    double total = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (live(buckets[2 * slot], newest)) {
        total += sumAt(slot);
      }
    }
    return total;
  }

  /** NaN when the window is empty. */
  public double average(long nowMillis) {
    long count = count(nowMillis);
    return count == 0 ? Double.NaN : sum(nowMillis) / count;
  }

  /** NaN when the window is empty. */
  public double min(long nowMillis) {
    long newest = newest(nowMillis);
    double min = Double.POSITIVE_INFINITY;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (live(buckets[2 * slot], newest) && buckets[2 * slot + 1] > 0) {
        min = Math.min(min, minAt(slot));
      }
    }
    return min == Double.POSITIVE_INFINITY ? Double.NaN : min;
  }

  /** NaN when the window is empty. */
  public double max(long nowMillis) {
    long newest = newest(nowMillis);
    double max = Double.NEGATIVE_INFINITY;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (live(buckets[2 * slot], newest) && buckets[2 * slot + 1] > 0) {
        max = Math.max(max, maxAt(slot));
      }
    }
    return max == Double.NEGATIVE_INFINITY ? Double.NaN : max;
  }

  /** The buckets in use: their slot, number, count, sum, min and max. */
  @Override
  public void snapshot(DataOutput out) throws IOException {
    out.writeLong(bucketMillis);
    int used = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      used += buckets[2 * slot] != Long.MIN_VALUE ? 1 : 0;
    }
    StateCodec.writeVarInt(out, used);
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (buckets[2 * slot] != Long.MIN_VALUE) {
        StateCodec.writeVarInt(out, slot);
        out.writeLong(buckets[2 * slot]);
        out.writeLong(buckets[2 * slot + 1]);
        out.writeDouble(sumAt(slot));
        out.writeDouble(minAt(slot));
        out.writeDouble(maxAt(slot));
      }
    }
  }

  @Override
  public void restore(DataInput in) throws IOException {
    long written = in.readLong();
    if (written != bucketMillis) {
      throw new SnapshotFormatException(
          "the window's buckets are " + written + " ms, here " + bucketMillis + " ms");
    }
    clear();
    double[] readSums = new double[BUCKETS];
    double[] readMins = new double[BUCKETS];
    double[] readMaxs = new double[BUCKETS];
    Arrays.fill(readMins, Double.POSITIVE_INFINITY);
    Arrays.fill(readMaxs, Double.NEGATIVE_INFINITY);
    int used = StateCodec.readCount(in, BUCKETS, "the buckets in use");
    for (int n = 0; n < used; n++) {
      int slot = StateCodec.readCount(in, BUCKETS - 1, "a bucket's slot");
      buckets[2 * slot] = in.readLong();
      buckets[2 * slot + 1] = in.readLong();
      readSums[slot] = in.readDouble();
      readMins[slot] = in.readDouble();
      readMaxs[slot] = in.readDouble();
    }
    sums = null;
    frontier = UNKNOWN;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (!sameBits(readSums[slot], sumAt(slot))
          || !sameBits(readMins[slot], minAt(slot))
          || !sameBits(readMaxs[slot], maxAt(slot))) {
        sums = readSums;
        mins = readMins;
        maxs = readMaxs;
        return;
      }
    }
  }

  /** Compared as written, so a snapshot is read back to the very bits it held. */
  private static boolean sameBits(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
  }
}
