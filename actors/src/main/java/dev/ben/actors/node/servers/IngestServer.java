package dev.ben.actors.node.servers;

import dev.ben.actors.sidecar.IngestRoutes;
import dev.ben.config.Endpoint;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/** HTTP ingest on edge nodes: NDJSON events, invocations and signal streams (IngestRoutes). */
public final class IngestServer implements NodeServer {

  private final HttpBinding http;
  private final IngestRoutes routes;

  public IngestServer(
      ActorSystem<?> system,
      Endpoint endpoint,
      IngestRoutes routes,
      Optional<HttpsConnectionContext> https) {
    this.http = new HttpBinding(system, endpoint, https);
    this.routes = routes;
  }

  @Override
  public String name() {
    return "ingest";
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
    return http.start(server -> server.bind(routes.route()));
  }

  @Override
  public CompletionStage<Done> stop() {
    return http.stop();
  }
}
