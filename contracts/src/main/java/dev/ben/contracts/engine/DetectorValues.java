package dev.ben.contracts.engine;

import dev.ben.contracts.event.NamedArrayMap;

/**
 * One event's detector values as the read-only map callers know ({@code detector.feature} to value,
 * null while a feature has none), kept as the runtime's shared name table and one array of doubles:
 * detection copies an array per event instead of filling a map of boxed values, and a writer can
 * read the doubles by position ({@link #nameAt}, {@link #number}) without boxing them.
 */
public final class DetectorValues extends NamedArrayMap<Double> {

  private final String[] names;
  private final double[] values;

  /** {@code values} becomes this map's own; NaN stands for no value. */
  public DetectorValues(String[] names, double[] values) {
    super(names);
    this.names = names;
    this.values = values;
  }

  /** The name at position {@code i}, in the map's order. */
  public String nameAt(int i) {
    return names[i];
  }

  /** Whether both hold the same name table (as every event of one runtime's detectors does). */
  public boolean sharesNamesWith(DetectorValues other) {
    return other != null && names == other.names;
  }

  /** The value at position {@code i}; NaN where the map holds null. */
  public double number(int i) {
    return values[i];
  }

  @Override
  protected Double valueAt(int i) {
    return Double.isNaN(values[i]) ? null : values[i];
  }
}
