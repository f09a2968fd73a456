package dev.ben.actors.node.servers;

import dev.ben.bux.OpsRoutes;
import dev.ben.config.ConnectionLimits;
import dev.ben.config.Endpoint;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/**
 * /health and /metrics on nodes without the gateway role (a gateway node serves both on the
 * gateway's port), so every member can be probed and scraped. Its listener has the gateway's
 * connection limits: it serves the same two routes.
 */
public final class OpsServer extends HttpServer {

  /** Requests are GETs: nothing larger than a request line and headers is read. */
  private static final long MAX_REQUEST_BYTES = 64 * 1024;

  private final OpsRoutes routes;
  private final GuardedListener listener;

  public OpsServer(
      ActorSystem<?> system,
      Endpoint endpoint,
      OpsRoutes routes,
      Optional<HttpsConnectionContext> https,
      ConnectionLimits limits,
      MetricsRegistry metrics) {
    super("ops", system, endpoint, https);
    this.routes = routes;
    this.listener = new GuardedListener("ops", system, limits, MAX_REQUEST_BYTES, metrics);
  }

  @Override
  CompletionStage<Bound> bind(Endpoint endpoint, Optional<HttpsConnectionContext> https) {
    return listener
        .bind(endpoint, https, routes.endpoint().flow(system()))
        .thenApply(bound -> new Bound(bound.localAddress(), bound::unbind));
  }
}
