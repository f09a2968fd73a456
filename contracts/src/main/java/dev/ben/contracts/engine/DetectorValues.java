package dev.ben.contracts.engine;

import dev.ben.contracts.event.NamedArrayMap;

/**
 * One event's detector values as the read-only map callers know ({@code detector.feature} to value,
 * null while a feature has none), kept as the runtime's shared name table and one array of doubles:
 * detection copies an array per event instead of filling a map of boxed values.
 */
final class DetectorValues extends NamedArrayMap<Double> {

  private final double[] values;

  /** {@code values} becomes this map's own; NaN stands for no value. */
  DetectorValues(String[] names, double[] values) {
    super(names);
    this.values = values;
  }

  @Override
  protected Double valueAt(int i) {
    return Double.isNaN(values[i]) ? null : values[i];
  }
}
