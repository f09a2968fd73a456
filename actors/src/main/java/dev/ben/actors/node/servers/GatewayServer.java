package dev.ben.actors.node.servers;

import dev.ben.bux.GatewayRoutes;
import dev.ben.config.Endpoint;
import dev.ben.config.GatewaySettings;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/**
 * The bux gateway on gateway nodes: the web UI, ben_api, /ws, /metrics and /health, behind the
 * listener's connection limits and request bound ({@code ben.gateway}). Every request carries its
 * peer's address, which the login throttle keys on.
 */
public final class GatewayServer extends HttpServer {

  private final GatewayRoutes routes;
  private final GuardedListener listener;

  public GatewayServer(
      ActorSystem<?> system,
      GatewaySettings settings,
      GatewayRoutes routes,
      Optional<HttpsConnectionContext> https,
      MetricsRegistry metrics) {
    super("gateway", system, settings.endpoint(), https);
    this.routes = routes;
    this.listener =
        new GuardedListener(
            "gateway", system, settings.connections(), settings.maxRequestBytes(), metrics);
  }

  @Override
  CompletionStage<Bound> bind(Endpoint endpoint, Optional<HttpsConnectionContext> https) {
    return listener
        .bind(endpoint, https, routes.route().flow(system()))
        .thenApply(bound -> new Bound(bound.localAddress(), bound::unbind));
  }
}
