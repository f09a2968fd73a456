package dev.ben.actors.node.servers;

import dev.ben.bux.GatewayRoutes;
import dev.ben.config.Endpoint;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;

/** The bux gateway on gateway nodes: the web UI, ben_api, /ws, /metrics and /health. */
public final class GatewayServer implements NodeServer {

  private final HttpBinding http;
  private final GatewayRoutes routes;

  public GatewayServer(ActorSystem<?> system, Endpoint endpoint, GatewayRoutes routes) {
    this.http = new HttpBinding(system, endpoint);
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
  public CompletionStage<InetSocketAddress> start() {
    return http.start(routes::bind);
  }

  @Override
  public CompletionStage<Done> stop() {
    return http.stop();
  }
}
