package dev.ben.actors.signal;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;

/**
 * {@code ben_signals_total{signal,outcome}}: published (a spine emitted it), relayed (an edge
 * node's hub took it), dropped (the hub was full), delivered (written to an app's stream or socket
 * session), acked (a socket session's app confirmed it); a socket session's drops also say why
 * ({@code reason}).
 */
public final class SignalCounters {

  private static final String NAME = "ben_signals_total";
  private static final String HELP = "Signals by name and what became of them.";

  private SignalCounters() {}

  public static void count(MetricsRegistry metrics, String signal, String outcome) {
    metrics.counter(NAME, HELP, Labels.of("signal", signal, "outcome", outcome)).increment();
  }

  public static void dropped(MetricsRegistry metrics, String signal, String reason) {
    metrics
        .counter(NAME, HELP, Labels.of("signal", signal, "outcome", "dropped", "reason", reason))
        .increment();
  }
}
