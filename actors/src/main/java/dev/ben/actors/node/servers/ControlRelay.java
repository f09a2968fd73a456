package dev.ben.actors.node.servers;

import dev.ben.config.ConnectionLimits;
import dev.ben.config.Endpoint;
import dev.ben.streams.metrics.MetricsRegistry;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;

/**
 * The public control port: a TCP relay in front of the gRPC server, which listens on a loopback
 * port of its own. Each connection is admitted within the port's caps ({@code
 * ben.control.connections}: total and per client address), must deliver its {@link OpeningBytes}
 * within the header timeout, and otherwise has its bytes passed through unchanged both ways, so TLS
 * still ends at the gRPC server and its certificate is what clients see. A connection beyond the
 * caps is closed at once, one short of its first bytes at the deadline; both are counted in {@code
 * ben_connections_refused_total{listener="control",reason}}.
 *
 * <p>Why a relay: Pekko's HTTP/2 binding, which gRPC needs, takes its TCP connections itself and
 * offers no layer over a connection's bytes (the HTTP/1.1 listeners bind TCP and lay Pekko's server
 * layer over each connection, {@link GuardedListener}; its HTTP/2 layer is not public), so without
 * the relay one address could open connections without limit and hold them by trickling bytes. The
 * cost is one extra local hop, and one loopback connection, per control connection; control calls
 * are rare. The gRPC server sees every client as coming from loopback, which nothing in the control
 * API reads.
 *
 * <p>The body-rate settings of {@code ben.control.connections} are not applied: the relay sees
 * bytes, not requests; a call's size is bounded by the gRPC server itself ({@link RequestBound}).
 */
final class ControlRelay {

  private final ActorSystem<?> system;
  private final ConnectionLimits limits;
  private final ListenerAdmission admission;

  ControlRelay(ActorSystem<?> system, ConnectionLimits limits, MetricsRegistry metrics) {
    this.system = system;
    this.limits = limits;
    this.admission = new ListenerAdmission("control", system, limits, metrics);
  }

  /** Relays connections taken on {@code endpoint} to the gRPC server bound at {@code server}. */
  CompletionStage<Tcp.ServerBinding> bind(Endpoint endpoint, InetSocketAddress server) {
    return Tcp.get(system)
        .bind(endpoint.host(), endpoint.port())
        .to(Sink.foreach(connection -> admission.serve(connection, () -> relayed(server))))
        .run(system);
  }

  private Flow<ByteString, ByteString, NotUsed> relayed(InetSocketAddress server) {
    return Flow.fromGraph(
            new FirstBytesDeadline(
                limits.headerTimeout(), () -> admission.count(GuardedListener.HEADER_TIMEOUT)))
        .via(Tcp.get(system).outgoingConnection(server.getHostString(), server.getPort()))
        .mapMaterializedValue(connected -> NotUsed.getInstance());
  }
}
