package dev.ben.actors.node.servers;

import dev.ben.actors.control.LedgerGrpcService;
import dev.ben.api.control.LedgerServiceHandlerFactory;
import dev.ben.config.Endpoint;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/** The gRPC control API (the ledger, for benctl) on orchestrator nodes. */
public final class ControlServer implements NodeServer {

  private final ActorSystem<?> system;
  private final HttpBinding http;
  private final LedgerGrpcService service;

  public ControlServer(
      ActorSystem<?> system,
      Endpoint endpoint,
      LedgerGrpcService service,
      Optional<HttpsConnectionContext> https) {
    this.system = system;
    this.http = new HttpBinding(system, endpoint, https);
    this.service = service;
  }

  @Override
  public String name() {
    return "control";
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
    // gRPC is HTTP/2 only (cleartext with prior knowledge, or negotiated by ALPN over TLS), so only
    // this binding turns it on.
    return http.start(
        server ->
            server
                .adaptSettings(settings -> settings.withEnableHttp2(true))
                .bind(LedgerServiceHandlerFactory.create(service, system)));
  }

  @Override
  public CompletionStage<Done> stop() {
    return http.stop();
  }
}
