package dev.ben.actors.node.servers;

import dev.ben.actors.control.AppsGrpcService;
import dev.ben.actors.control.AuthGrpcService;
import dev.ben.actors.control.BacktestGrpcService;
import dev.ben.actors.control.LedgerGrpcService;
import dev.ben.actors.control.TrustGrpcService;
import dev.ben.actors.control.UsersGrpcService;
import dev.ben.actors.eventlog.EventLogGrpcService;
import dev.ben.actors.invoke.InvokeCalls;
import dev.ben.actors.invoke.InvokeGrpcService;
import dev.ben.actors.screen.ScreenGrpcService;
import dev.ben.api.control.AppsServicePowerApiHandlerFactory;
import dev.ben.api.control.AuthServicePowerApiHandlerFactory;
import dev.ben.api.control.BacktestServicePowerApiHandlerFactory;
import dev.ben.api.control.InvokeServicePowerApiHandlerFactory;
import dev.ben.api.control.LedgerServicePowerApiHandlerFactory;
import dev.ben.api.control.ScreenServicePowerApiHandlerFactory;
import dev.ben.api.control.TrustServicePowerApiHandlerFactory;
import dev.ben.api.control.UsersServicePowerApiHandlerFactory;
import dev.ben.api.events.EventLogServicePowerApiHandlerFactory;
import dev.ben.config.ConnectionLimits;
import dev.ben.config.Endpoint;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.grpc.javadsl.ServiceHandler;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * The gRPC control API on orchestrator nodes: the ledger's service, the login service, the apps
 * service, the users service, the trust service, the backtest service and the event log on one
 * port, for benctl and the components that publish and consume events; on a node that also takes
 * events, the invocation and screening services for apps. No request is read past {@code
 * maxRequestBytes}: the binding's {@code max-content-length} and each request entity's size limit
 * fail the body as it streams in, and the call is answered RESOURCE_EXHAUSTED (pekko-grpc's server
 * has no inbound message bound of its own; its decoder would otherwise hold a whole message however
 * large its length prefix). Clients reach it through the {@link ControlRelay} on the configured
 * endpoint, which holds them to the port's connection limits; the gRPC server itself listens on a
 * loopback port of its own, and stops with the relay.
 */
public final class ControlServer extends HttpServer {

  /** Where the gRPC server listens, behind the relay. */
  private static final String LOOPBACK = "127.0.0.1";

  private final LedgerGrpcService ledger;
  private final AuthGrpcService auth;
  private final AppsGrpcService apps;
  private final UsersGrpcService users;
  private final TrustGrpcService trust;
  private final EventLogGrpcService eventLog;
  private final BacktestGrpcService backtest;
  private final Optional<InvokeGrpcService> invoke;
  private final Optional<ScreenGrpcService> screen;
  private final long maxRequestBytes;
  private final ControlRelay relay;

  public ControlServer(
      ActorSystem<?> system,
      Endpoint endpoint,
      LedgerGrpcService ledger,
      AuthGrpcService auth,
      AppsGrpcService apps,
      UsersGrpcService users,
      TrustGrpcService trust,
      EventLogGrpcService eventLog,
      BacktestGrpcService backtest,
      Optional<InvokeGrpcService> invoke,
      Optional<ScreenGrpcService> screen,
      Optional<HttpsConnectionContext> https,
      long maxRequestBytes,
      ConnectionLimits connections,
      MetricsRegistry metrics) {
    super("control", system, endpoint, https);
    this.maxRequestBytes = maxRequestBytes;
    this.relay = new ControlRelay(system, connections, metrics);
    this.ledger = ledger;
    this.auth = auth;
    this.apps = apps;
    this.users = users;
    this.trust = trust;
    this.eventLog = eventLog;
    this.backtest = backtest;
    this.invoke = invoke;
    this.screen = screen;
  }

  /**
   * Binds the gRPC server on loopback, then the relay on {@code endpoint}; unbinding stops both.
   * When the relay cannot bind, the gRPC server is unbound again.
   */
  @Override
  CompletionStage<Bound> bind(Endpoint endpoint, Optional<HttpsConnectionContext> https) {
    return grpcServer(https)
        .thenCompose(
            inner ->
                relay
                    .bind(endpoint, inner.localAddress())
                    .thenApply(
                        outer ->
                            new Bound(
                                outer.localAddress(),
                                () -> outer.unbind().thenCompose(unbound -> inner.unbind())))
                    .whenComplete(
                        (bound, failure) -> {
                          if (failure != null) {
                            inner.unbind();
                          }
                        }));
  }

  private CompletionStage<ServerBinding> grpcServer(Optional<HttpsConnectionContext> https) {
    ServerBuilder server = Http.get(system()).newServerAt(LOOPBACK, 0);
    // gRPC is HTTP/2 only (cleartext with prior knowledge, or negotiated by ALPN over TLS), so only
    // this binding turns it on.
    return https
        .map(server::enableHttps)
        .orElse(server)
        .adaptSettings(
            settings ->
                settings
                    .withEnableHttp2(true)
                    // A call whose request fits one DATA frame (an invocation's does) arrives
                    // whole, so it is read without a stream of its own.
                    .withHttp2Settings(
                        settings.getHttp2Settings().withMinCollectStrictEntitySize(1))
                    .withParserSettings(
                        settings.getParserSettings().withMaxContentLength(maxRequestBytes)))
        .bind(bounded(services()));
  }

  /**
   * Each request body's reader fails once the body passes the bound: Pekko's HTTP/2 server does not
   * apply the binding's max-content-length to a body without a declared length, which gRPC's are. A
   * body that arrived whole within the bound is passed on as it is.
   */
  private Function<HttpRequest, CompletionStage<HttpResponse>> bounded(
      Function<HttpRequest, CompletionStage<HttpResponse>> handler) {
    return request ->
        request.entity() instanceof HttpEntity.Strict strict
                && strict.getData().size() <= maxRequestBytes
            ? handler.apply(request)
            : handler.apply(
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
    List<Function<HttpRequest, CompletionStage<HttpResponse>>> handlers = new ArrayList<>();
    // Invocations first: they are the port's calls at a rate, the others come now and then.
    invoke.ifPresent(
        service ->
            handlers.add(
                new InvokeCalls(service, refusals, system())
                    .around(
                        InvokeServicePowerApiHandlerFactory.create(service, refusals, system()))));
    handlers.add(LedgerServicePowerApiHandlerFactory.create(ledger, refusals, system()));
    handlers.add(AuthServicePowerApiHandlerFactory.create(auth, refusals, system()));
    handlers.add(AppsServicePowerApiHandlerFactory.create(apps, refusals, system()));
    handlers.add(UsersServicePowerApiHandlerFactory.create(users, refusals, system()));
    handlers.add(TrustServicePowerApiHandlerFactory.create(trust, refusals, system()));
    handlers.add(EventLogServicePowerApiHandlerFactory.create(eventLog, refusals, system()));
    handlers.add(BacktestServicePowerApiHandlerFactory.create(backtest, refusals, system()));
    screen.ifPresent(
        service ->
            handlers.add(ScreenServicePowerApiHandlerFactory.create(service, refusals, system())));
    return ServiceHandler.concatOrNotFound(handlers.toArray(Function[]::new));
  }
}
