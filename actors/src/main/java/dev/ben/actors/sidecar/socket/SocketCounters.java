package dev.ben.actors.sidecar.socket;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.sidecar.socket.Refusal;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sidecar's own numbers: {@code ben_sidecar_socket_refused_total{reason}} (every ERROR
 * written), {@code ben_sidecar_socket_sessions_total{transport}} (sessions opened) and {@code
 * ben_sidecar_socket_sessions_open} (open now, whether past HELLO or not; {@link SessionAdmission}
 * keeps the counts its limits need). The gauge is not {@code ben_sidecar_socket_sessions}: that is
 * the counter's family name in the Prometheus data model, and one name has one type.
 */
final class SocketCounters {

  private final MetricsRegistry metrics;
  private final AtomicInteger open = new AtomicInteger();

  SocketCounters(MetricsRegistry metrics) {
    this.metrics = metrics;
    metrics.gauge(
        "ben_sidecar_socket_sessions_open",
        "Socket sidecar sessions open now.",
        Labels.NONE,
        open::get);
  }

  void refused(Refusal refusal) {
    metrics
        .counter(
            "ben_sidecar_socket_refused_total",
            "Frames and sessions the socket sidecar refused, by reason.",
            Labels.of("reason", refusal.reason()))
        .inc();
  }

  void opened(String transport) {
    open.incrementAndGet();
    metrics
        .counter(
            "ben_sidecar_socket_sessions_total",
            "Socket sidecar sessions opened, by transport.",
            Labels.of("transport", transport))
        .inc();
  }

  void closed() {
    open.decrementAndGet();
  }
}
