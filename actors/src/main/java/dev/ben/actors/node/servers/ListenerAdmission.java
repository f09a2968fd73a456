package dev.ben.actors.node.servers;

import dev.ben.config.ConnectionLimits;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;

/**
 * Which TCP connections a listener that binds itself serves ({@link GuardedListener}, {@link
 * ControlRelay}): each is admitted through the listener's {@link ConnectionGate} and holds its
 * place until it closes, or is closed at once; connections open are shown in {@code
 * ben_connections_open{listener}} and every connection closed before it was served is counted in
 * {@code ben_connections_refused_total{listener,reason}}.
 */
final class ListenerAdmission {

  private final String listener;
  private final ActorSystem<?> system;
  private final MetricsRegistry metrics;
  private final ConnectionGate gate;

  /**
   * @param listener the listener's name in the metrics: ingest, gateway, ops or control
   */
  ListenerAdmission(
      String listener, ActorSystem<?> system, ConnectionLimits limits, MetricsRegistry metrics) {
    this.listener = listener;
    this.system = system;
    this.metrics = metrics;
    this.gate = new ConnectionGate(limits.maxConnections(), limits.maxPerAddress());
    metrics.gauge(
        "ben_connections_open",
        "Connections an HTTP listener serves now, by listener.",
        Labels.of("listener", listener),
        gate::open);
  }

  /**
   * Serves {@code connection} with the flow {@code served} builds when the gate admits it, giving
   * its place back once that flow ends; otherwise closes it at once and counts why.
   */
  void serve(
      Tcp.IncomingConnection connection, Supplier<Flow<ByteString, ByteString, NotUsed>> served) {
    String address = connection.remoteAddress().getAddress().getHostAddress();
    Optional<String> refused = gate.admit(address);
    if (refused.isPresent()) {
      count(refused.get());
      connection.handleWith(
          Flow.fromSinkAndSourceCoupled(Sink.<ByteString>cancelled(), Source.<ByteString>empty()),
          system);
      return;
    }
    connection.handleWith(
        served
            .get()
            .watchTermination(
                (notUsed, done) -> {
                  done.whenComplete((ok, failure) -> gate.release(address));
                  return notUsed;
                }),
        system);
  }

  /** Counts a connection closed before it was served, for {@code reason}. */
  void count(String reason) {
    metrics
        .counter(
            "ben_connections_refused_total",
            "Connections an HTTP listener closed before serving them, by listener and reason.",
            Labels.of("listener", listener, "reason", reason))
        .inc();
  }
}
