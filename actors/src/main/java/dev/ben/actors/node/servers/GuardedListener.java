package dev.ben.actors.node.servers;

import dev.ben.config.ConnectionLimits;
import dev.ben.config.Endpoint;
import dev.ben.streams.metrics.MetricsRegistry;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;

/**
 * An HTTP/1.1 listener that bounds what a client may hold of it before it is served, which Pekko
 * HTTP's own binding cannot: it binds TCP itself and lays Pekko's server layer (and TLS, with the
 * listener's HTTPS context) over each connection it admits, with the header deadline beneath them
 * and the minimum body rate on every request body. A connection beyond the listener's caps is
 * closed at once; each refusal and each connection closed for slowness is counted in {@code
 * ben_connections_refused_total{listener,reason}}. Request bodies are bounded while they are read
 * (Pekko's {@code max-content-length} for this listener); idle connections keep Pekko's idle
 * timeout.
 */
final class GuardedListener {

  static final String HEADER_TIMEOUT = "header_timeout";
  static final String BODY_TOO_SLOW = "body_too_slow";

  private final String name;
  private final ActorSystem<?> system;
  private final ConnectionLimits limits;
  private final ServerSettings settings;
  private final ListenerAdmission admission;

  /**
   * @param name the listener's name in the refusal counter: ingest or gateway
   * @param maxRequestBytes the largest request body read
   */
  GuardedListener(
      String name,
      ActorSystem<?> system,
      ConnectionLimits limits,
      long maxRequestBytes,
      MetricsRegistry metrics) {
    this.name = name;
    this.system = system;
    this.limits = limits;
    ServerSettings defaults = ServerSettings.create(system.classicSystem());
    this.settings =
        defaults
            .withParserSettings(defaults.getParserSettings().withMaxContentLength(maxRequestBytes))
            .withRemoteAddressAttribute(true);
    this.admission = new ListenerAdmission(name, system, limits, metrics);
  }

  /** Serves {@code handler} on {@code endpoint}, over TLS when {@code https} is given. */
  CompletionStage<Tcp.ServerBinding> bind(
      Endpoint endpoint,
      Optional<HttpsConnectionContext> https,
      Flow<HttpRequest, HttpResponse, NotUsed> handler) {
    return Tcp.get(system)
        .bind(
            endpoint.host(),
            endpoint.port(),
            settings.getBacklog(),
            settings.getSocketOptions(),
            false,
            idleTimeout())
        .to(Sink.foreach(connection -> serve(connection, https, handler)))
        .run(system);
  }

  /** Pekko HTTP's idle timeout, as its own binding applies it to every connection. */
  private Optional<java.time.Duration> idleTimeout() {
    scala.concurrent.duration.Duration idle = settings.getTimeouts().idleTimeout();
    return idle.isFinite()
        ? Optional.of(java.time.Duration.ofNanos(idle.toNanos()))
        : Optional.empty();
  }

  private void serve(
      Tcp.IncomingConnection connection,
      Optional<HttpsConnectionContext> https,
      Flow<HttpRequest, HttpResponse, NotUsed> handler) {
    admission.serve(connection, () -> served(connection.remoteAddress(), https, handler));
  }

  /** Pekko's server layer over TLS over the header deadline, for one admitted connection. */
  private Flow<ByteString, ByteString, NotUsed> served(
      InetSocketAddress client,
      Optional<HttpsConnectionContext> https,
      Flow<HttpRequest, HttpResponse, NotUsed> handler) {
    RequestPhase phase = new RequestPhase(limits.headerTimeout(), System.nanoTime());
    return requests(handler, phase)
        .join(
            Http.get(system)
                .serverLayer(settings, Optional.of(client))
                .atop(ListenerTls.layer(https))
                .atop(headerDeadline(phase)));
  }

  /** The handler, telling the phase where the connection is, with each body held to its rate. */
  private Flow<HttpRequest, HttpResponse, NotUsed> requests(
      Flow<HttpRequest, HttpResponse, NotUsed> handler, RequestPhase phase) {
    return Flow.<HttpRequest>create()
        .map(
            request -> {
              phase.headersComplete();
              return RequestBodies.atMinimumRate(
                  request,
                  () ->
                      new MinimumBodyRate(
                          limits.minBodyRate(), limits.bodyWindow(), () -> count(BODY_TOO_SLOW)));
            })
        .via(handler)
        .map(
            response -> {
              phase.responded();
              return response;
            });
  }

  private BidiFlow<ByteString, ByteString, ByteString, ByteString, NotUsed> headerDeadline(
      RequestPhase phase) {
    return BidiFlow.fromFlows(
        Flow.<ByteString>create(),
        Flow.fromGraph(
            new HeaderDeadline(phase, limits.headerTimeout(), () -> count(HEADER_TIMEOUT))));
  }

  private void count(String reason) {
    admission.count(reason);
  }
}
