package dev.ben.actors.node.servers;

import dev.ben.config.Endpoint;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;

/**
 * What the node's HTTP servers share: binding a handler on an endpoint, over TLS when the node has
 * an HTTPS context (ben.tls), and unbinding it.
 */
final class HttpBinding {

  private final ActorSystem<?> system;
  private final Endpoint endpoint;
  private final Optional<HttpsConnectionContext> https;
  private volatile ServerBinding binding;

  HttpBinding(ActorSystem<?> system, Endpoint endpoint, Optional<HttpsConnectionContext> https) {
    this.system = system;
    this.endpoint = endpoint;
    this.https = https;
  }

  Endpoint endpoint() {
    return endpoint;
  }

  String scheme() {
    return https.isPresent() ? "https" : "http";
  }

  CompletionStage<InetSocketAddress> start(
      Function<ServerBuilder, CompletionStage<ServerBinding>> bind) {
    ServerBuilder server = Http.get(system).newServerAt(endpoint.host(), endpoint.port());
    return bind.apply(https.map(server::enableHttps).orElse(server))
        .thenApply(
            bound -> {
              binding = bound;
              return bound.localAddress();
            });
  }

  CompletionStage<Done> stop() {
    ServerBinding bound = binding;
    return bound == null
        ? CompletableFuture.completedFuture(Done.getInstance())
        : bound.unbind().thenApply(unbound -> Done.getInstance());
  }
}
