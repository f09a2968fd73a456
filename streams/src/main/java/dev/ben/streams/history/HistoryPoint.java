package dev.ben.streams.history;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One point of a node's history: at {@code at} (epoch ms), every series' value, the per-second rate
 * of each counter against the point before (absent on the first point), and how many series were
 * cut from the point because it was full. Series are sorted by name.
 */
public record HistoryPoint(
    long at, Map<String, Double> series, Map<String, Double> rates, int seriesCut) {

  public HistoryPoint {
    series = Collections.unmodifiableMap(new TreeMap<>(series));
    rates = Collections.unmodifiableMap(new TreeMap<>(rates));
  }
}
