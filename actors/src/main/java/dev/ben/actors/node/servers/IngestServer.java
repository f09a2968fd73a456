package dev.ben.actors.node.servers;

import dev.ben.actors.sidecar.IngestRoutes;
import dev.ben.config.Endpoint;
import dev.ben.config.IngestSettings;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/**
 * HTTP ingest on edge nodes: NDJSON events, invocations and signal streams (IngestRoutes), behind
 * the listener's connection limits and request bound ({@code ben.ingest}).
 */
public final class IngestServer extends HttpServer {

  private final IngestRoutes routes;
  private final GuardedListener listener;

  public IngestServer(
      ActorSystem<?> system,
      IngestSettings settings,
      IngestRoutes routes,
      Optional<HttpsConnectionContext> https,
      MetricsRegistry metrics) {
    super("ingest", system, settings.endpoint(), https);
    this.routes = routes;
    this.listener =
        new GuardedListener(
            "ingest", system, settings.connections(), settings.maxRequestBytes(), metrics);
  }

  @Override
  CompletionStage<Bound> bind(Endpoint endpoint, Optional<HttpsConnectionContext> https) {
    return listener
        .bind(endpoint, https, routes.flow())
        .thenApply(bound -> new Bound(bound.localAddress(), bound::unbind));
  }
}
