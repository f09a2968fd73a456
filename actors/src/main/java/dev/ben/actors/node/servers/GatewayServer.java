package dev.ben.actors.node.servers;

import dev.ben.bux.GatewayRoutes;
import dev.ben.config.Endpoint;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/** The bux gateway on gateway nodes: the web UI, ben_api, /ws, /metrics and /health. */
public final class GatewayServer implements NodeServer {

  private final HttpBinding http;
  private final GatewayRoutes routes;

  public GatewayServer(
      ActorSystem<?> system,
      Endpoint endpoint,
      GatewayRoutes routes,
      Optional<HttpsConnectionContext> https) {
    this.http = new HttpBinding(system, endpoint, https);
    this.routes = routes;
  }

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public Endpoint configured() {
    return http.endpoint();
  }

  @Override
  public String scheme() {
    return http.scheme();
  }

  @Override
  public CompletionStage<InetSocketAddress> start() {
    return http.start(routes::bind);
  }

  @Override
  public CompletionStage<Done> stop() {
    return http.stop();
  }
}
