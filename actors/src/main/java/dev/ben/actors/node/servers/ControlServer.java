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
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * The gRPC control API on orchestrator nodes: the ledger's service, the login service, the apps
 * service, the users service and the trust service on one port, for benctl. No request is read past
 * {@code maxRequestBytes}: the binding's {@code max-content-length} and each request entity's size
 * limit fail the body as it streams in, and the call is answered RESOURCE_EXHAUSTED (pekko-grpc's
 * server has no inbound message bound of its own; its decoder would otherwise hold a whole message
 * however large its length prefix).
 */
public final class ControlServer extends HttpServer {

  private final LedgerGrpcService ledger;
  private final AuthGrpcService auth;
  private final AppsGrpcService apps;
  private final UsersGrpcService users;
  private final TrustGrpcService trust;
  private final long maxRequestBytes;

  public ControlServer(
      ActorSystem<?> system,
      Endpoint endpoint,
      LedgerGrpcService ledger,
      AuthGrpcService auth,
      AppsGrpcService apps,
      UsersGrpcService users,
      TrustGrpcService trust,
      Optional<HttpsConnectionContext> https,
      long maxRequestBytes) {
    super("control", system, endpoint, https);
    this.maxRequestBytes = maxRequestBytes;
    this.ledger = ledger;
    this.auth = auth;
    this.apps = apps;
    this.users = users;
    this.trust = trust;
  }

  @Override
  CompletionStage<Bound> bind(Endpoint endpoint, Optional<HttpsConnectionContext> https) {
    ServerBuilder server = Http.get(system()).newServerAt(endpoint.host(), endpoint.port());
    // gRPC is HTTP/2 only (cleartext with prior knowledge, or negotiated by ALPN over TLS), so only
    // this binding turns it on.
    return https
        .map(server::enableHttps)
        .orElse(server)
        .adaptSettings(
            settings ->
                settings
                    .withEnableHttp2(true)
                    .withParserSettings(
                        settings.getParserSettings().withMaxContentLength(maxRequestBytes)))
        .bind(bounded(services()))
        .thenApply(bound -> new Bound(bound.localAddress(), bound::unbind));
  }

  /**
   * Each request body's reader fails once the body passes the bound: Pekko's HTTP/2 server does not
   * apply the binding's max-content-length to a body without a declared length, which gRPC's are.
   */
  private Function<HttpRequest, CompletionStage<HttpResponse>> bounded(
      Function<HttpRequest, CompletionStage<HttpResponse>> handler) {
    return request ->
        handler.apply(
            request.withEntity(
                HttpEntities.createChunked(
                    request.entity().getContentType(),
                    request
                        .entity()
                        .getDataBytes()
                        .via(Flow.fromGraph(new RequestBound(maxRequestBytes))))));
  }

  // concatOrNotFound takes generic varargs; the handlers have exactly the element type. The error
  // mapper has the deprecated japi type the generated factories ask for.
  @SuppressWarnings({"unchecked", "deprecation"})
  private Function<HttpRequest, CompletionStage<HttpResponse>> services() {
    var refusals = OversizedCalls.mapper(maxRequestBytes);
    return ServiceHandler.concatOrNotFound(
        LedgerServicePowerApiHandlerFactory.create(ledger, refusals, system()),
        AuthServicePowerApiHandlerFactory.create(auth, refusals, system()),
        AppsServicePowerApiHandlerFactory.create(apps, refusals, system()),
        UsersServicePowerApiHandlerFactory.create(users, refusals, system()),
        TrustServicePowerApiHandlerFactory.create(trust, refusals, system()));
  }
}
