package dev.ben.actors.control;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;

/** Counts control requests refused before they reach the ledger, by reason. */
public final class RefusalCounter {

  static final String METRIC = "ben_control_refused_total";

  private final MetricsRegistry metrics;

  public RefusalCounter(MetricsRegistry metrics) {
    this.metrics = metrics;
  }

  public void count(String reason) {
    metrics
        .counter(
            METRIC,
            "Control requests refused at the boundary, by reason.",
            Labels.of("reason", reason))
        .inc();
  }
}
