package dev.ben.contracts.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One event's detector values as the read-only map callers know ({@code detector.feature} to value,
 * null while a feature has none), kept as the runtime's shared name table and one array of doubles:
 * detection copies an array per event instead of filling a map of boxed values. Serialises like any
 * map, in the table's order.
 */
final class DetectorValues extends AbstractMap<String, Double> {

  private final String[] names;
  private final double[] values;

  /** {@code values} becomes this map's own; NaN stands for no value. */
  DetectorValues(String[] names, double[] values) {
    this.names = names;
    this.values = values;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public Double get(Object key) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return valueAt(i);
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    for (String name : names) {
      if (name.equals(key)) {
        return true;
      }
    }
    return false;
  }

  private Double valueAt(int i) {
    return Double.isNaN(values[i]) ? null : values[i];
  }

  @Override
  public Set<Map.Entry<String, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return names.length;
      }

      @Override
      public Iterator<Map.Entry<String, Double>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Map.Entry<String, Double> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], valueAt(i));
          }
        };
      }
    };
  }
}
