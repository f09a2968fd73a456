package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Two-sided CUSUM per key on standardised values: {@code k} and {@code h} are in standard
 * deviations of the key's own reference (running mean and variance). The statistic is max(S+, S-).
 * When it exceeds {@code h} that value is reported once and everything resets -- sums and reference
 * -- so the new level becomes the baseline after {@link #WARM_UP} observations instead of alarming
 * on every following event. In the key's row: the count, then the mean, the sum of squares, the
 * upper and the lower sum as doubles' bits.
 */
final class CusumColumn implements FeatureColumn {

  static final int WARM_UP = 5;

  static final int WIDTH = 5;

  private final double k;
  private final double h;

  CusumColumn(double k, double h) {
    this.k = k;
    this.h = h;
  }

  /**
   * Feeds one value; returns the statistic (above h exactly when this value raised an alarm), NaN
   * in warm-up.
   */
  double update(long[] rows, int at, double x) {
    long n = rows[at];
    double mean = real(rows, at + 1);
    double statistic = Double.NaN;
    if (n >= WARM_UP) {
      double std = Math.sqrt(real(rows, at + 2) / (n - 1));
      double z = std > 0 ? (x - mean) / std : (x == mean ? 0 : Math.copySign(h + k + 1, x - mean));
      double upper = Math.max(0, real(rows, at + 3) + z - k);
      double lower = Math.max(0, real(rows, at + 4) - z - k);
      statistic = Math.max(upper, lower);
      if (statistic > h) {
        Arrays.fill(rows, at, at + WIDTH, 0);
        return statistic;
      }
      rows[at + 3] = Double.doubleToRawLongBits(upper);
      rows[at + 4] = Double.doubleToRawLongBits(lower);
    }
    n++;
    double delta = x - mean;
    mean += delta / n;
    rows[at] = n;
    rows[at + 1] = Double.doubleToRawLongBits(mean);
    rows[at + 2] = Double.doubleToRawLongBits(real(rows, at + 2) + delta * (x - mean));
    return statistic;
  }

  private static double real(long[] rows, int at) {
    return Double.longBitsToDouble(rows[at]);
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public void grow(int capacity) {
    // Nothing beside the rows.
  }

  /** All zero: a count of 0, and 0.0 is the double whose bits are 0. */
  @Override
  public void reset(long[] rows, int at, int entry) {
    Arrays.fill(rows, at, at + WIDTH, 0);
  }

  /** The reference (count, mean, sum of squares) and both cumulative sums. */
  @Override
  public void snapshot(long[] rows, int at, int entry, DataOutput out) throws IOException {
    out.writeLong(rows[at]);
    for (int i = at + 1; i < at + WIDTH; i++) {
      out.writeDouble(real(rows, i));
    }
  }

  @Override
  public void restore(long[] rows, int at, int entry, DataInput in) throws IOException {
    long count = in.readLong();
    if (count < 0) {
      throw new SnapshotFormatException("a CUSUM reference of " + count + " values");
    }
    rows[at] = count;
    for (int i = at + 1; i < at + WIDTH; i++) {
      rows[i] = Double.doubleToRawLongBits(in.readDouble());
    }
  }

  @Override
  public void takeBeside(FeatureColumn from, int fromEntry, int entry) {
    // Nothing beside the rows.
  }
}
