package dev.ben.actors.node.servers;

import dev.ben.config.Endpoint;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/**
 * What the node's HTTP servers share: one start path that binds the server on its endpoint, over
 * TLS when the node has an HTTPS context (ben.tls), and one stop path that unbinds it. A server
 * says only how it binds.
 */
abstract class HttpServer implements NodeServer {

  /** Where a server is bound, and how it stops taking connections. */
  record Bound(InetSocketAddress address, Supplier<CompletionStage<?>> unbind) {}

  private final String name;
  private final ActorSystem<?> system;
  private final Endpoint endpoint;
  private final Optional<HttpsConnectionContext> https;
  private volatile Bound binding;

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

  /** Binds this server on {@code endpoint}, over TLS when {@code https} is given. */
  abstract CompletionStage<Bound> bind(Endpoint endpoint, Optional<HttpsConnectionContext> https);

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
    return bind(endpoint, https)
        .thenApply(
            bound -> {
              binding = bound;
              return bound.address();
            });
  }

  @Override
  public final CompletionStage<Done> stop() {
    Bound bound = binding;
    return bound == null
        ? CompletableFuture.completedFuture(Done.getInstance())
        : bound.unbind().get().thenApply(unbound -> Done.getInstance());
  }
}
