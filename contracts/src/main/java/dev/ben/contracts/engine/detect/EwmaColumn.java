package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An exponentially weighted moving average per key, seeded with the key's first value (NaN before
 * it): one double in the key's row, as its bits.
 */
final class EwmaColumn implements FeatureColumn {

  private static final long UNSEEDED = Double.doubleToRawLongBits(Double.NaN);

  private final double alpha;

  EwmaColumn(double alpha) {
    this.alpha = alpha;
  }

  double update(long[] rows, int at, double x) {
    double previous = Double.longBitsToDouble(rows[at]);
    double value = Double.isNaN(previous) ? x : alpha * x + (1 - alpha) * previous;
    rows[at] = Double.doubleToRawLongBits(value);
    return value;
  }

  double value(long[] rows, int at) {
    return Double.longBitsToDouble(rows[at]);
  }

  @Override
  public int width() {
    return 1;
  }

  @Override
  public void grow(int capacity) {
    // Nothing beside the rows.
  }

  @Override
  public void reset(long[] rows, int at, int entry) {
    rows[at] = UNSEEDED;
  }

  @Override
  public void snapshot(long[] rows, int at, int entry, DataOutput out) throws IOException {
    out.writeDouble(value(rows, at));
  }

  @Override
  public void restore(long[] rows, int at, int entry, DataInput in) throws IOException {
    rows[at] = Double.doubleToRawLongBits(in.readDouble());
  }

  @Override
  public void takeBeside(FeatureColumn from, int fromEntry, int entry) {
    // Nothing beside the rows.
  }
}
