package dev.ben.streams.metrics;

import java.util.List;
import java.util.Map;

/**
 * One metric name as Ben declared it: its kind, help and label names are fixed by the first
 * registration, as the Prometheus data model wants them (every series of a family has the same
 * label names).
 */
abstract sealed class MetricFamily permits CounterFamily, GaugeFamily, HistogramFamily {

  final String name;
  final List<String> labelNames;

  MetricFamily(String name, Labels first) {
    this.name = name;
    this.labelNames = first.names();
  }

  /** What callers call this kind in an error message. */
  abstract String kind();

  /** Every series' current value, as a whole number, by labels. */
  abstract void values(Map<Labels, Long> into);

  /** One series' current value, or 0 if it does not exist. */
  abstract long value(Labels labels);

  final void requireSameNames(Labels labels) {
    if (!labelNames.equals(labels.names())) {
      throw new IllegalArgumentException(
          "metric "
              + name
              + " has labels "
              + labelNames
              + "; cannot add a series labelled "
              + labels.names());
    }
  }
}
