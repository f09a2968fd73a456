package dev.ben.streams.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The series one sampling read, each a counter (a running total, whose rate is charted) or a gauge
 * (a level, such as heap used or a latency quantile, charted as it is). At most {@code maxSeries}
 * are kept, first come first kept; {@link #cut()} counts those left out.
 */
public final class SeriesSample {

  private final int maxSeries;
  private final Map<String, Double> counters = new LinkedHashMap<>();
  private final Map<String, Double> gauges = new LinkedHashMap<>();
  private int cut;

  public SeriesSample(int maxSeries) {
    if (maxSeries <= 0) {
      throw new IllegalArgumentException("a sample holds at least one series");
    }
    this.maxSeries = maxSeries;
  }

  /** A running total named {@code key} ({@code name{labels}} as Prometheus renders it). */
  public void counter(String key, double value) {
    put(counters, key, value);
  }

  /** A level named {@code key}. */
  public void gauge(String key, double value) {
    put(gauges, key, value);
  }

  public Map<String, Double> counters() {
    return Collections.unmodifiableMap(counters);
  }

  public Map<String, Double> gauges() {
    return Collections.unmodifiableMap(gauges);
  }

  /** Series left out because the sample was full. */
  public int cut() {
    return cut;
  }

  private void put(Map<String, Double> into, String key, double value) {
    if (counters.containsKey(key) || gauges.containsKey(key)) {
      // Two sources naming one series: the first one's reading stands.
      return;
    }
    if (counters.size() + gauges.size() >= maxSeries) {
      cut++;
      return;
    }
    into.put(key, value);
  }
}
