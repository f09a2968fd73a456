package dev.ben.streams.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last {@code capacity} points of one node, oldest first. A point keeps its values and rates in
 * arrays over a sorted table of series names that consecutive points share while their series stay
 * the same, so memory is about points times series doubles. Not thread-safe: one actor owns it.
 */
public final class HistoryRing {

  /** A point's slot: NaN in {@code rates} where a series has none (gauges, the first point). */
  private record Stored(long at, Columns columns, double[] values, double[] rates, int cut) {}

  private record Columns(String[] keys) {
    boolean sameAs(String[] other) {
      return Arrays.equals(keys, other);
    }
  }

  private final int capacity;
  private final ArrayDeque<Stored> points;
  private Map<String, Double> lastCounters;
  private long lastAt;

  public HistoryRing(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("a history keeps at least one point");
    }
    this.capacity = capacity;
    this.points = new ArrayDeque<>(capacity);
  }

  /**
   * Adds the point sampled at {@code at}, dropping the oldest when full. A counter's rate is its
   * increase per second since the point before; one lower than before was restarted, so its rate
   * counts from 0; one new since the point before counts from 0 too, as counters start there.
   */
  public void add(long at, SeriesSample sample) {
    Map<String, Double> values = new HashMap<>(sample.gauges());
    values.putAll(sample.counters());
    String[] keys = values.keySet().stream().sorted().toArray(String[]::new);
    Columns columns =
        !points.isEmpty() && points.peekLast().columns().sameAs(keys)
            ? points.peekLast().columns()
            : new Columns(keys);
    double[] row = new double[keys.length];
    double[] rates = new double[keys.length];
    double seconds = lastCounters == null ? 0 : (at - lastAt) / 1000.0;
    for (int i = 0; i < keys.length; i++) {
      row[i] = values.get(keys[i]);
      Double counter = sample.counters().get(keys[i]);
      rates[i] =
          counter == null || seconds <= 0
              ? Double.NaN
              : rate(counter, lastCounters.getOrDefault(keys[i], 0.0), seconds);
    }
    if (points.size() == capacity) {
      points.removeFirst();
    }
    points.addLast(new Stored(at, columns, row, rates, sample.cut()));
    lastCounters = new HashMap<>(sample.counters());
    lastAt = at;
  }

  /**
   * The points after {@code sinceMs}, oldest first, holding only the series {@code filter} names.
   */
  public List<HistoryPoint> since(long sinceMs, SeriesFilter filter) {
    List<HistoryPoint> out = new ArrayList<>();
    for (Stored point : points) {
      if (point.at() > sinceMs) {
        out.add(view(point, filter));
      }
    }
    return out;
  }

  public int size() {
    return points.size();
  }

  private static double rate(double now, double before, double seconds) {
    double increase = now < before ? now : now - before;
    return increase / seconds;
  }

  private static HistoryPoint view(Stored point, SeriesFilter filter) {
    Map<String, Double> series = new LinkedHashMap<>();
    Map<String, Double> rates = new LinkedHashMap<>();
    String[] keys = point.columns().keys();
    for (int i = 0; i < keys.length; i++) {
      if (filter.matches(keys[i])) {
        series.put(keys[i], point.values()[i]);
        if (!Double.isNaN(point.rates()[i])) {
          rates.put(keys[i], point.rates()[i]);
        }
      }
    }
    return new HistoryPoint(point.at(), series, rates, point.cut());
  }
}
