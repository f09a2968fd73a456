package dev.ben.streams.metrics;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A library {@link Histogram} with classic buckets only (fixed upper bounds: what the text format
 * and every dashboard read) and the data point of each label set handed out so far.
 */
final class HistogramFamily extends MetricFamily {

  private final double[] buckets;
  private final Histogram histogram;
  private final Map<Labels, DistributionDataPoint> points = new ConcurrentHashMap<>();

  HistogramFamily(
      PrometheusRegistry registry, String name, String help, Labels first, double[] buckets) {
    super(name, first);
    this.buckets = buckets.clone();
    this.histogram =
        Histogram.builder()
            .name(name)
            .help(help)
            .labelNames(labelNames.toArray(String[]::new))
            .classicOnly()
            .classicUpperBounds(this.buckets)
            .withoutExemplars()
            .register(registry);
  }

  @Override
  String kind() {
    return "histogram";
  }

  DistributionDataPoint point(Labels labels, double[] buckets) {
    DistributionDataPoint point = points.get(labels);
    if (point != null) {
      return point;
    }
    requireSameNames(labels);
    if (!Arrays.equals(this.buckets, buckets)) {
      throw new IllegalArgumentException(
          "histogram " + name + " has buckets " + Arrays.toString(this.buckets));
    }
    return points.computeIfAbsent(labels, l -> histogram.labelValues(l.values()));
  }

  /** A histogram series reads as its number of observations. */
  @Override
  void values(Map<Labels, Long> into) {
    points.forEach((labels, point) -> into.put(labels, point.getCount()));
  }

  @Override
  long value(Labels labels) {
    DistributionDataPoint point = points.get(labels);
    return point == null ? 0 : point.getCount();
  }
}
