package dev.ben.actors.node.servers;

import dev.ben.bux.OpsRoutes;
import dev.ben.config.Endpoint;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;

/**
 * /health and /metrics on nodes without the gateway role (a gateway node serves both on the
 * gateway's port), so every member can be probed and scraped.
 */
public final class OpsServer extends HttpServer {

  private final OpsRoutes routes;

  public OpsServer(
      ActorSystem<?> system,
      Endpoint endpoint,
      OpsRoutes routes,
      Optional<HttpsConnectionContext> https) {
    super("ops", system, endpoint, https);
    this.routes = routes;
  }

  @Override
  CompletionStage<ServerBinding> bind(ServerBuilder server) {
    return server.bind(routes.endpoint());
  }
}
