package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Two-sided CUSUM on standardised values, one on its own (a {@link CusumColumn} over a row of its
 * own, where its rules are described; a detector keeps its keys' sums in its rows).
 */
public final class Cusum implements FeatureState {

  public static final int WARM_UP = CusumColumn.WARM_UP;

  private static final int ONLY = 0;

  private final long[] row = new long[CusumColumn.WIDTH];

  private final CusumColumn column;

  public Cusum(double k, double h) {
    this.column = new CusumColumn(k, h);
    column.reset(row, 0, ONLY);
  }

  /**
   * Feeds one value; returns the statistic (above h exactly when this value raised an alarm), NaN
   * in warm-up.
   */
  public double update(double x) {
    return column.update(row, 0, x);
  }

  @Override
  public void snapshot(DataOutput out) throws IOException {
    column.snapshot(row, 0, ONLY, out);
  }

  @Override
  public void restore(DataInput in) throws IOException {
    column.restore(row, 0, ONLY, in);
  }
}
