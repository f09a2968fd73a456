package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Two-sided CUSUM on standardised values: {@code k} and {@code h} are in standard deviations of the
 * key's own reference (running mean and variance). The statistic is max(S+, S-). When it exceeds
 * {@code h} that value is reported once and everything resets -- sums and reference -- so the new
 * level becomes the baseline after {@link #WARM_UP} observations instead of alarming on every
 * following event.
 */
public final class Cusum implements FeatureState {

  public static final int WARM_UP = 5;

  private final double k;
  private final double h;
  private long n;
  private double mean;
  private double m2;
  private double upper;
  private double lower;

  public Cusum(double k, double h) {
    this.k = k;
    this.h = h;
  }

  /**
   * Feeds one value; returns the statistic (above h exactly when this value raised an alarm), NaN
   * in warm-up.
   */
  public double update(double x) {
    double statistic = Double.NaN;
    if (n >= WARM_UP) {
      double std = Math.sqrt(m2 / (n - 1));
      double z = std > 0 ? (x - mean) / std : (x == mean ? 0 : Math.copySign(h + k + 1, x - mean));
      upper = Math.max(0, upper + z - k);
      lower = Math.max(0, lower - z - k);
      statistic = Math.max(upper, lower);
      if (statistic > h) {
        n = 0;
        mean = 0;
        m2 = 0;
        upper = 0;
        lower = 0;
        return statistic;
      }
    }
    n++;
    double delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
    return statistic;
  }

  /** The reference (count, mean, sum of squares) and both cumulative sums. */
  @Override
  public void snapshot(DataOutput out) throws IOException {
    out.writeLong(n);
    out.writeDouble(mean);
    out.writeDouble(m2);
    out.writeDouble(upper);
    out.writeDouble(lower);
  }

  @Override
  public void restore(DataInput in) throws IOException {
    long count = in.readLong();
    if (count < 0) {
      throw new SnapshotFormatException("a CUSUM reference of " + count + " values");
    }
    n = count;
    mean = in.readDouble();
    m2 = in.readDouble();
    upper = in.readDouble();
    lower = in.readDouble();
  }
}
