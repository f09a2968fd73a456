package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Count, sum, min and max over the last {@code windowMillis} of event time, in a ring of {@link
 * #BUCKETS} buckets ({@link BucketRing}, which also keeps the live count as time moves forward).
 * Memory is bounded per instance; a bucket is reused once its time has passed out of the window.
 *
 * <p>Counts and TTL counters only ever add 1, and then a bucket's sum is its count and its min and
 * max are 1 (or the empty bucket's infinities): such a window keeps its counts alone, a third of
 * the memory a detector touches per key, and holds sums, mins and maxs only from the first other
 * value (or a snapshot that has them otherwise). Every answer and snapshot is the same either way.
 */
public final class SlidingWindow implements FeatureState {

  public static final int BUCKETS = BucketRing.BUCKETS;

  private final long bucketMillis;
  private final BucketRing ring = new BucketRing();

  /** Null while every value added was 1. */
  private double[] sums;

  private double[] mins;
  private double[] maxs;

  public SlidingWindow(long windowMillis) {
    this.bucketMillis = Math.max(1, (windowMillis + BUCKETS - 1) / BUCKETS);
  }

  /** Adds a value at event time {@code atMillis}; false when it is older than the window (late). */
  public boolean add(long atMillis, double value, long nowMillis) {
    long number = Math.floorDiv(atMillis, bucketMillis);
    long newest = newest(nowMillis);
    if (!BucketRing.live(number, newest)) {
      return false;
    }
    if (sums == null && value != 1) {
      holdValues();
    }
    int slot = BucketRing.slot(number);
    boolean reused = ring.number(slot) != number;
    ring.add(number, newest);
    if (sums != null) {
      if (reused) {
        sums[slot] = 0;
        mins[slot] = Double.POSITIVE_INFINITY;
        maxs[slot] = Double.NEGATIVE_INFINITY;
      }
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
    return sums != null ? sums[slot] : ring.count(slot);
  }

  private double minAt(int slot) {
    return sums != null ? mins[slot] : ring.count(slot) > 0 ? 1 : Double.POSITIVE_INFINITY;
  }

  private double maxAt(int slot) {
    return sums != null ? maxs[slot] : ring.count(slot) > 0 ? 1 : Double.NEGATIVE_INFINITY;
  }

  /** The number of the bucket {@code nowMillis} falls in: found once per read, not per bucket. */
  private long newest(long nowMillis) {
    return Math.floorDiv(nowMillis, bucketMillis);
  }

  public long count(long nowMillis) {
    return ring.countAt(newest(nowMillis));
  }

  public double sum(long nowMillis) {
    if (sums == null) {
      // Every value was 1: the sum is the count, exactly (as adding the buckets' counts would be).
      return count(nowMillis);
    }
    long newest = newest(nowMillis);
    double total = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (BucketRing.live(ring.number(slot), newest)) {
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
      if (BucketRing.live(ring.number(slot), newest) && ring.count(slot) > 0) {
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
      if (BucketRing.live(ring.number(slot), newest) && ring.count(slot) > 0) {
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
      used += ring.used(slot) ? 1 : 0;
    }
    StateCodec.writeVarInt(out, used);
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (ring.used(slot)) {
        StateCodec.writeVarInt(out, slot);
        out.writeLong(ring.number(slot));
        out.writeLong(ring.count(slot));
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
    ring.clear();
    double[] readSums = new double[BUCKETS];
    double[] readMins = new double[BUCKETS];
    double[] readMaxs = new double[BUCKETS];
    Arrays.fill(readMins, Double.POSITIVE_INFINITY);
    Arrays.fill(readMaxs, Double.NEGATIVE_INFINITY);
    int used = StateCodec.readCount(in, BUCKETS, "the buckets in use");
    for (int n = 0; n < used; n++) {
      int slot = StateCodec.readCount(in, BUCKETS - 1, "a bucket's slot");
      ring.set(slot, in.readLong(), in.readLong());
      readSums[slot] = in.readDouble();
      readMins[slot] = in.readDouble();
      readMaxs[slot] = in.readDouble();
    }
    sums = null;
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
