package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/** The window as it was before it kept counts alone: the model its answers and snapshots match. */
final class FullSlidingWindow implements FeatureState {

  static final int BUCKETS = 60;

  private final long bucketMillis;
  private final long[] bucketNumber = new long[BUCKETS];
  private final long[] counts = new long[BUCKETS];
  private final double[] sums = new double[BUCKETS];
  private final double[] mins = new double[BUCKETS];
  private final double[] maxs = new double[BUCKETS];

  FullSlidingWindow(long windowMillis) {
    this.bucketMillis = Math.max(1, (windowMillis + BUCKETS - 1) / BUCKETS);
    Arrays.fill(bucketNumber, Long.MIN_VALUE);
  }

  /** Adds a value at event time {@code atMillis}; false when it is older than the window (late). */
  public boolean add(long atMillis, double value, long nowMillis) {
    long number = Math.floorDiv(atMillis, bucketMillis);
    if (!live(number, nowMillis)) {
      return false;
    }
    int slot = (int) Math.floorMod(number, (long) BUCKETS);
    if (bucketNumber[slot] != number) {
      bucketNumber[slot] = number;
      counts[slot] = 0;
      sums[slot] = 0;
      mins[slot] = Double.POSITIVE_INFINITY;
      maxs[slot] = Double.NEGATIVE_INFINITY;
    }
    counts[slot]++;
    sums[slot] += value;
    mins[slot] = Math.min(mins[slot], value);
    maxs[slot] = Math.max(maxs[slot], value);
    return true;
  }

  private boolean live(long number, long nowMillis) {
    long newest = Math.floorDiv(nowMillis, bucketMillis);
    return number > newest - BUCKETS && number <= newest;
  }

  public long count(long nowMillis) {
    long total = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (live(bucketNumber[slot], nowMillis)) {
        total += counts[slot];
      }
    }
    return total;
  }

  public double sum(long nowMillis) {
    double total = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (live(bucketNumber[slot], nowMillis)) {
        total += sums[slot];
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
    double min = Double.POSITIVE_INFINITY;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (live(bucketNumber[slot], nowMillis) && counts[slot] > 0) {
        min = Math.min(min, mins[slot]);
      }
    }
    return min == Double.POSITIVE_INFINITY ? Double.NaN : min;
  }

  /** NaN when the window is empty. */
  public double max(long nowMillis) {
    double max = Double.NEGATIVE_INFINITY;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (live(bucketNumber[slot], nowMillis) && counts[slot] > 0) {
        max = Math.max(max, maxs[slot]);
      }
    }
    return max == Double.NEGATIVE_INFINITY ? Double.NaN : max;
  }

  /** The buckets in use: their slot, number, count, sum, min and max. */
  @Override
  public void snapshot(DataOutput out) throws IOException {
    out.writeLong(bucketMillis);
    int used = 0;
    for (long number : bucketNumber) {
      used += number != Long.MIN_VALUE ? 1 : 0;
    }
    StateCodec.writeVarInt(out, used);
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (bucketNumber[slot] != Long.MIN_VALUE) {
        StateCodec.writeVarInt(out, slot);
        out.writeLong(bucketNumber[slot]);
        out.writeLong(counts[slot]);
        out.writeDouble(sums[slot]);
        out.writeDouble(mins[slot]);
        out.writeDouble(maxs[slot]);
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
    Arrays.fill(bucketNumber, Long.MIN_VALUE);
    int used = StateCodec.readCount(in, BUCKETS, "the buckets in use");
    for (int n = 0; n < used; n++) {
      int slot = StateCodec.readCount(in, BUCKETS - 1, "a bucket's slot");
      bucketNumber[slot] = in.readLong();
      counts[slot] = in.readLong();
      sums[slot] = in.readDouble();
      mins[slot] = in.readDouble();
      maxs[slot] = in.readDouble();
    }
  }
}
