package dev.ben.actors.node.servers;

import dev.ben.config.Endpoint;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;

/**
 * What the node's HTTP servers share: one start path that binds the server's handler on its
 * endpoint, over TLS when the node has an HTTPS context (ben.tls), and one stop path that unbinds
 * it. A server says only what it binds.
 */
abstract class HttpServer implements NodeServer {

  private final String name;
  private final ActorSystem<?> system;
  private final Endpoint endpoint;
  private final Optional<HttpsConnectionContext> https;
  private volatile ServerBinding binding;

  HttpServer(
      String name,
      ActorSystem<?> system,
      Endpoint endpoint,
      Optional<HttpsConnectionContext> https) {
    this.name = name;
    this.system = system;
    this.endpoint = endpoint;
    this.https = https;
  }

  /** Binds this server's handler with the builder, already placed on the endpoint. */
  abstract CompletionStage<ServerBinding> bind(ServerBuilder server);

  ActorSystem<?> system() {
    return system;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Endpoint configured() {
    return endpoint;
  }

  @Override
  public final String scheme() {
    return https.isPresent() ? "https" : "http";
  }

  @Override
  public final CompletionStage<InetSocketAddress> start() {
    ServerBuilder server = Http.get(system).newServerAt(endpoint.host(), endpoint.port());
    return bind(https.map(server::enableHttps).orElse(server))
        .thenApply(
            bound -> {
              binding = bound;
              return bound.localAddress();
            });
  }

  @Override
  public final CompletionStage<Done> stop() {
    ServerBinding bound = binding;
    return bound == null
        ? CompletableFuture.completedFuture(Done.getInstance())
        : bound.unbind().thenApply(unbound -> Done.getInstance());
  }
}
