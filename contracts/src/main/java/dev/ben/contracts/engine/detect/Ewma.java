package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Exponentially weighted moving average seeded with the first value. */
public final class Ewma implements FeatureState {

  private final double alpha;
  private double value = Double.NaN;

  public Ewma(double alpha) {
    this.alpha = alpha;
  }

  public double update(double x) {
    value = Double.isNaN(value) ? x : alpha * x + (1 - alpha) * value;
    return value;
  }

  public double value() {
    return value;
  }

  @Override
  public void snapshot(DataOutput out) throws IOException {
    out.writeDouble(value);
  }

  @Override
  public void restore(DataInput in) throws IOException {
    value = in.readDouble();
  }
}
