package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Count, sum, min and max over the last {@code windowMillis} of event time, per key, in a ring of
 * {@link #BUCKETS} buckets in the key's row ({@link BucketRing}, which also keeps the live count as
 * time moves forward). Memory is bounded per key; a bucket is reused once its time has passed out
 * of the window.
 *
 * <p>Counts and TTL counters only ever add 1, and then a bucket's sum is its count and its min and
 * max are 1 (or the empty bucket's infinities): such an entry keeps its counts alone, a third of
 * the memory a detector touches per key, and holds sums, mins and maxs only from the first other
 * value (or a snapshot that has them otherwise). Every answer and snapshot is the same either way.
 */
final class WindowColumn implements FeatureColumn {

  static final int BUCKETS = BucketRing.BUCKETS;

  private final long bucketMillis;

  /** Per entry: null while every value added was 1, else per slot its sum, min and max. */
  private double[][] values = new double[0][];

  WindowColumn(long windowMillis) {
    this.bucketMillis = Math.max(1, (windowMillis + BUCKETS - 1) / BUCKETS);
  }

  @Override
  public int width() {
    return BucketRing.WIDTH;
  }

  @Override
  public void grow(int capacity) {
    if (capacity > values.length) {
      values = Arrays.copyOf(values, capacity);
    }
  }

  @Override
  public void reset(long[] rows, int at, int entry) {
    BucketRing.clear(rows, at);
    values[entry] = null;
  }

  /** Adds a value at event time {@code atMillis}; false when it is older than the window (late). */
  boolean add(long[] rows, int at, int entry, long atMillis, double value, long nowMillis) {
    long number = Math.floorDiv(atMillis, bucketMillis);
    long newest = newest(nowMillis);
    if (!BucketRing.live(number, newest)) {
      return false;
    }
    if (values[entry] == null && value != 1) {
      values[entry] = heldValues(rows, at, entry);
    }
    int slot = BucketRing.slot(number);
    boolean reused = BucketRing.number(rows, at, slot) != number;
    BucketRing.add(rows, at, number, newest);
    double[] held = values[entry];
    if (held != null) {
      int in = 3 * slot;
      if (reused) {
        held[in] = 0;
        held[in + 1] = Double.POSITIVE_INFINITY;
        held[in + 2] = Double.NEGATIVE_INFINITY;
      }
      held[in] += value;
      held[in + 1] = Math.min(held[in + 1], value);
      held[in + 2] = Math.max(held[in + 2], value);
    }
    return true;
  }

  /** Each bucket's sum, min and max, starting from what its count implies. */
  private double[] heldValues(long[] rows, int at, int entry) {
    double[] held = new double[3 * BUCKETS];
    for (int slot = 0; slot < BUCKETS; slot++) {
      held[3 * slot] = sumAt(rows, at, entry, slot);
      held[3 * slot + 1] = minAt(rows, at, entry, slot);
      held[3 * slot + 2] = maxAt(rows, at, entry, slot);
    }
    return held;
  }

  // A bucket of ones: 1 added n times is exactly n, for any count a window can reach.
  private double sumAt(long[] rows, int at, int entry, int slot) {
    return values[entry] != null ? values[entry][3 * slot] : BucketRing.count(rows, at, slot);
  }

  private double minAt(long[] rows, int at, int entry, int slot) {
    return values[entry] != null
        ? values[entry][3 * slot + 1]
        : BucketRing.count(rows, at, slot) > 0 ? 1 : Double.POSITIVE_INFINITY;
  }

  private double maxAt(long[] rows, int at, int entry, int slot) {
    return values[entry] != null
        ? values[entry][3 * slot + 2]
        : BucketRing.count(rows, at, slot) > 0 ? 1 : Double.NEGATIVE_INFINITY;
  }

  /** The number of the bucket {@code nowMillis} falls in: found once per read, not per bucket. */
  private long newest(long nowMillis) {
    return Math.floorDiv(nowMillis, bucketMillis);
  }

  long count(long[] rows, int at, long nowMillis) {
    return BucketRing.countAt(rows, at, newest(nowMillis));
  }

  double sum(long[] rows, int at, int entry, long nowMillis) {
    if (values[entry] == null) {
      // Every value was 1: the sum is the count, exactly (as adding the buckets' counts would be).
      return count(rows, at, nowMillis);
    }
    long newest = newest(nowMillis);
    double total = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (BucketRing.live(BucketRing.number(rows, at, slot), newest)) {
        total += sumAt(rows, at, entry, slot);
      }
    }
    return total;
  }

  /** NaN when the window is empty. */
  double average(long[] rows, int at, int entry, long nowMillis) {
    long count = count(rows, at, nowMillis);
    return count == 0 ? Double.NaN : sum(rows, at, entry, nowMillis) / count;
  }

  /** NaN when the window is empty. */
  double min(long[] rows, int at, int entry, long nowMillis) {
    long newest = newest(nowMillis);
    double min = Double.POSITIVE_INFINITY;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (liveAndCounted(rows, at, slot, newest)) {
        min = Math.min(min, minAt(rows, at, entry, slot));
      }
    }
    return min == Double.POSITIVE_INFINITY ? Double.NaN : min;
  }

  /** NaN when the window is empty. */
  double max(long[] rows, int at, int entry, long nowMillis) {
    long newest = newest(nowMillis);
    double max = Double.NEGATIVE_INFINITY;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (liveAndCounted(rows, at, slot, newest)) {
        max = Math.max(max, maxAt(rows, at, entry, slot));
      }
    }
    return max == Double.NEGATIVE_INFINITY ? Double.NaN : max;
  }

  private static boolean liveAndCounted(long[] rows, int at, int slot, long newest) {
    return BucketRing.live(BucketRing.number(rows, at, slot), newest)
        && BucketRing.count(rows, at, slot) > 0;
  }

  /** The bucket length, then the buckets in use: their slot, number, count, sum, min and max. */
  @Override
  public void snapshot(long[] rows, int at, int entry, DataOutput out) throws IOException {
    out.writeLong(bucketMillis);
    int used = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      used += BucketRing.used(rows, at, slot) ? 1 : 0;
    }
    StateCodec.writeVarInt(out, used);
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (BucketRing.used(rows, at, slot)) {
        StateCodec.writeVarInt(out, slot);
        out.writeLong(BucketRing.number(rows, at, slot));
        out.writeLong(BucketRing.count(rows, at, slot));
        out.writeDouble(sumAt(rows, at, entry, slot));
        out.writeDouble(minAt(rows, at, entry, slot));
        out.writeDouble(maxAt(rows, at, entry, slot));
      }
    }
  }

  @Override
  public void restore(long[] rows, int at, int entry, DataInput in) throws IOException {
    long written = in.readLong();
    if (written != bucketMillis) {
      throw new SnapshotFormatException(
          "the window's buckets are " + written + " ms, here " + bucketMillis + " ms");
    }
    reset(rows, at, entry);
    double[] read = new double[3 * BUCKETS];
    for (int slot = 0; slot < BUCKETS; slot++) {
      read[3 * slot + 1] = Double.POSITIVE_INFINITY;
      read[3 * slot + 2] = Double.NEGATIVE_INFINITY;
    }
    int used = StateCodec.readCount(in, BUCKETS, "the buckets in use");
    for (int n = 0; n < used; n++) {
      int slot = StateCodec.readCount(in, BUCKETS - 1, "a bucket's slot");
      BucketRing.set(rows, at, slot, in.readLong(), in.readLong());
      read[3 * slot] = in.readDouble();
      read[3 * slot + 1] = in.readDouble();
      read[3 * slot + 2] = in.readDouble();
    }
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (!sameBits(read[3 * slot], sumAt(rows, at, entry, slot))
          || !sameBits(read[3 * slot + 1], minAt(rows, at, entry, slot))
          || !sameBits(read[3 * slot + 2], maxAt(rows, at, entry, slot))) {
        values[entry] = read;
        return;
      }
    }
  }

  /** Compared as written, so a snapshot is read back to the very bits it held. */
  private static boolean sameBits(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
  }

  @Override
  public void takeBeside(FeatureColumn from, int fromEntry, int entry) {
    values[entry] = ((WindowColumn) from).values[fromEntry];
  }
}
