package dev.ben.streams.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The JVM and process metrics ({@code jvm_memory_*}, {@code jvm_gc_*}, {@code jvm_threads_*},
 * {@code process_*}), registered once per process into a registry of their own that every node's
 * {@link MetricsRegistry} adds to its scrape. Once, not once per node: tests run several nodes in
 * one JVM, and the library keeps every registry it registered JVM metrics into, and a GC listener
 * for each, for the life of the process.
 */
final class JvmFigures {

  private JvmFigures() {}

  /** Every JVM and process metric now. */
  static MetricSnapshots scrape() {
    return Holder.REGISTRY.scrape();
  }

  /** Lazily, on the first scrape, and exactly once (the class-initialisation guarantee). */
  private static final class Holder {
    static final PrometheusRegistry REGISTRY = registered();

    private static PrometheusRegistry registered() {
      PrometheusRegistry registry = new PrometheusRegistry();
      JvmMetrics.builder().register(registry);
      return registry;
    }
  }
}
