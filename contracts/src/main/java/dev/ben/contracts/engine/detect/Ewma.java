package dev.ben.contracts.engine.detect;

/** Exponentially weighted moving average seeded with the first value. */
public final class Ewma {

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
}
