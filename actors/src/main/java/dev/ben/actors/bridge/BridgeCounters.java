package dev.ben.actors.bridge;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;

/** The counters of messages the bridge refused at its NATS boundary, one per plane. */
final class BridgeCounters {

  static final String REFUSED = "ben_bridge_refused_total";

  private BridgeCounters() {}

  static CounterDataPoint refused(MetricsRegistry metrics, String plane) {
    return metrics.counter(
        REFUSED,
        "Messages from NATS the bridge refused because they did not decode.",
        Labels.of("plane", plane));
  }
}
