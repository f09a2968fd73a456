package dev.ben.streams.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A library {@link GaugeWithCallback} whose callback reads every supplier registered under the
 * name, at scrape time; a later registration with the same labels replaces the earlier one.
 */
final class GaugeFamily extends MetricFamily {

  private final Map<Labels, LongSupplier> suppliers = new ConcurrentHashMap<>();

  GaugeFamily(PrometheusRegistry registry, String name, String help, Labels first) {
    super(name, first);
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames(labelNames.toArray(String[]::new))
        .callback(
            callback ->
                suppliers.forEach(
                    (labels, value) -> callback.call(value.getAsLong(), labels.values())))
        .register(registry);
  }

  @Override
  String kind() {
    return "gauge";
  }

  void put(Labels labels, LongSupplier value) {
    requireSameNames(labels);
    suppliers.put(labels, value);
  }

  @Override
  void values(Map<Labels, Long> into) {
    suppliers.forEach((labels, value) -> into.put(labels, value.getAsLong()));
  }

  @Override
  long value(Labels labels) {
    LongSupplier value = suppliers.get(labels);
    return value == null ? 0 : value.getAsLong();
  }
}
