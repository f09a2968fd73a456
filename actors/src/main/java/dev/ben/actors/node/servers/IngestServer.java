package dev.ben.actors.node.servers;

import dev.ben.actors.sidecar.IngestRoutes;
import dev.ben.config.Endpoint;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;

/** HTTP ingest on edge nodes: NDJSON events, invocations and signal streams (IngestRoutes). */
public final class IngestServer extends HttpServer {

  private final IngestRoutes routes;

  public IngestServer(
      ActorSystem<?> system,
      Endpoint endpoint,
      IngestRoutes routes,
      Optional<HttpsConnectionContext> https) {
    super("ingest", system, endpoint, https);
    this.routes = routes;
  }

  @Override
  CompletionStage<ServerBinding> bind(ServerBuilder server) {
    return server.bind(routes.route());
  }
}
