package dev.ben.actors.signal;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;

/**
 * {@code ben_signals_total{signal,outcome}}: published (a spine emitted it), relayed (an edge node's hub took it),
 * dropped (the hub was full), delivered (written to an app's stream).
 */
final class SignalCounters {

  private SignalCounters() {}

  static void count(MetricsRegistry metrics, String signal, String outcome) {
    metrics.counter("ben_signals_total", "Signals by name and what became of them.",
        Labels.of("signal", signal, "outcome", outcome)).increment();
  }
}
