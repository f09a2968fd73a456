package dev.ben.actors.signal;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;

/**
 * {@code ben_signals_total{signal,outcome,reason}}: published (a spine emitted it), relayed (an
 * edge node's hub took it), dropped (the hub was full: {@code hub_full}; a socket session's buffer
 * was: {@code session_buffer_full}), delivered (written to an app's stream or socket session),
 * acked (a socket session's app confirmed it). Only drops have a reason; the others carry an empty
 * one, which Prometheus reads as no label, because every series of a family has the same label
 * names.
 */
public final class SignalCounters {

  public static final String NAME = "ben_signals_total";
  private static final String HELP = "Signals by name and what became of them.";

  private SignalCounters() {}

  public static void count(MetricsRegistry metrics, String signal, String outcome) {
    metrics.counter(NAME, HELP, labels(signal, outcome)).inc();
  }

  public static void dropped(MetricsRegistry metrics, String signal, String reason) {
    metrics.counter(NAME, HELP, labels(signal, "dropped", reason)).inc();
  }

  /** The series of an outcome that has no reason. */
  public static Labels labels(String signal, String outcome) {
    return labels(signal, outcome, "");
  }

  public static Labels labels(String signal, String outcome, String reason) {
    return Labels.of("signal", signal, "outcome", outcome, "reason", reason);
  }
}
