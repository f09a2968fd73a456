package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exponentially weighted moving average seeded with the first value, one on its own (an {@link
 * EwmaColumn} over a row of its own; a detector keeps its keys' averages in its rows).
 */
public final class Ewma implements FeatureState {

  private static final int ONLY = 0;

  private final long[] row = new long[1];

  private final EwmaColumn column;

  public Ewma(double alpha) {
    this.column = new EwmaColumn(alpha);
    column.reset(row, 0, ONLY);
  }

  public double update(double x) {
    return column.update(row, 0, x);
  }

  public double value() {
    return column.value(row, 0);
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
