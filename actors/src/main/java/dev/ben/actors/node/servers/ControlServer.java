package dev.ben.actors.node.servers;

import dev.ben.actors.control.AppsGrpcService;
import dev.ben.actors.control.AuthGrpcService;
import dev.ben.actors.control.LedgerGrpcService;
import dev.ben.actors.control.TrustGrpcService;
import dev.ben.actors.control.UsersGrpcService;
import dev.ben.api.control.AppsServicePowerApiHandlerFactory;
import dev.ben.api.control.AuthServicePowerApiHandlerFactory;
import dev.ben.api.control.LedgerServicePowerApiHandlerFactory;
import dev.ben.api.control.TrustServicePowerApiHandlerFactory;
import dev.ben.api.control.UsersServicePowerApiHandlerFactory;
import dev.ben.config.Endpoint;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.grpc.javadsl.ServiceHandler;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;

/**
 * The gRPC control API on orchestrator nodes: the ledger's service, the login service, the apps
 * service, the users service and the trust service on one port, for benctl.
 */
public final class ControlServer extends HttpServer {

  private final LedgerGrpcService ledger;
  private final AuthGrpcService auth;
  private final AppsGrpcService apps;
  private final UsersGrpcService users;
  private final TrustGrpcService trust;

  public ControlServer(
      ActorSystem<?> system,
      Endpoint endpoint,
      LedgerGrpcService ledger,
      AuthGrpcService auth,
      AppsGrpcService apps,
      UsersGrpcService users,
      TrustGrpcService trust,
      Optional<HttpsConnectionContext> https) {
    super("control", system, endpoint, https);
    this.ledger = ledger;
    this.auth = auth;
    this.apps = apps;
    this.users = users;
    this.trust = trust;
  }

  @Override
  CompletionStage<ServerBinding> bind(ServerBuilder server) {
    // gRPC is HTTP/2 only (cleartext with prior knowledge, or negotiated by ALPN over TLS), so only
    // this binding turns it on.
    return server.adaptSettings(settings -> settings.withEnableHttp2(true)).bind(services());
  }

  // concatOrNotFound takes generic varargs; the handlers have exactly the element type.
  @SuppressWarnings("unchecked")
  private Function<HttpRequest, CompletionStage<HttpResponse>> services() {
    return ServiceHandler.concatOrNotFound(
        LedgerServicePowerApiHandlerFactory.create(ledger, system()),
        AuthServicePowerApiHandlerFactory.create(auth, system()),
        AppsServicePowerApiHandlerFactory.create(apps, system()),
        UsersServicePowerApiHandlerFactory.create(users, system()),
        TrustServicePowerApiHandlerFactory.create(trust, system()));
  }
}
