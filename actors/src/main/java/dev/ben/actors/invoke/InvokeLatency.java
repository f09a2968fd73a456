package dev.ben.actors.invoke;

import dev.ben.streams.metrics.Buckets;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ben_invoke_seconds{pipeline,transport}}: from an invocation's arrival at the {@link
 * Invoker} to its answer, for pipelines that run here (a name nobody runs never becomes a label).
 * The series of each pipeline and transport is looked up once and kept.
 */
final class InvokeLatency {

  static final String FAMILY = "ben_invoke_seconds";
  private static final String HELP = "Invocation latency, from arrival to answer, by transport.";

  /** How an invocation arrived. */
  enum Transport {
    HTTP,
    GRPC;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MetricsRegistry metrics;
  private final Map<Transport, Map<String, DistributionDataPoint>> series =
      new EnumMap<>(Transport.class);

  InvokeLatency(MetricsRegistry metrics) {
    this.metrics = metrics;
    for (Transport transport : Transport.values()) {
      series.put(transport, new ConcurrentHashMap<>());
    }
  }

  DistributionDataPoint of(Transport transport, String pipeline) {
    Map<String, DistributionDataPoint> byPipeline = series.get(transport);
    DistributionDataPoint found = byPipeline.get(pipeline);
    if (found != null) {
      return found;
    }
    return byPipeline.computeIfAbsent(
        pipeline,
        p ->
            metrics.histogram(
                FAMILY,
                HELP,
                Labels.of("pipeline", p, "transport", transport.label()),
                Buckets.STAGE_SECONDS));
  }
}
