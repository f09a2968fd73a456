package dev.ben.streams.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A library {@link Counter} and the data point of each label set handed out so far. */
final class CounterFamily extends MetricFamily {

  private final Counter counter;
  private final Map<Labels, CounterDataPoint> points = new ConcurrentHashMap<>();

  CounterFamily(PrometheusRegistry registry, String name, String help, Labels first) {
    super(name, first);
    this.counter =
        Counter.builder()
            .name(name)
            .help(help)
            .labelNames(labelNames.toArray(String[]::new))
            .withoutExemplars()
            .register(registry);
  }

  @Override
  String kind() {
    return "counter";
  }

  CounterDataPoint point(Labels labels) {
    CounterDataPoint point = points.get(labels);
    if (point != null) {
      return point;
    }
    requireSameNames(labels);
    return points.computeIfAbsent(labels, l -> counter.labelValues(l.values()));
  }

  @Override
  void values(Map<Labels, Long> into) {
    points.forEach((labels, point) -> into.put(labels, point.getLongValue()));
  }

  @Override
  long value(Labels labels) {
    CounterDataPoint point = points.get(labels);
    return point == null ? 0 : point.getLongValue();
  }
}
