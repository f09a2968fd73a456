package dev.ben.actors.node.servers;

import dev.ben.bux.GatewayRoutes;
import dev.ben.config.Endpoint;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;

/** The bux gateway on gateway nodes: the web UI, ben_api, /ws, /metrics and /health. */
public final class GatewayServer extends HttpServer {

  private final GatewayRoutes routes;

  public GatewayServer(
      ActorSystem<?> system,
      Endpoint endpoint,
      GatewayRoutes routes,
      Optional<HttpsConnectionContext> https) {
    super("gateway", system, endpoint, https);
    this.routes = routes;
  }

  @Override
  CompletionStage<ServerBinding> bind(ServerBuilder server) {
    return routes.bind(server);
  }
}
