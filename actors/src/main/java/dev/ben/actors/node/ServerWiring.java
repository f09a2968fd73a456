package dev.ben.actors.node;

import dev.ben.actors.invoke.DecisionTimer;
import dev.ben.actors.invoke.InvokeGrpcService;
import dev.ben.actors.invoke.InvokeReplies;
import dev.ben.actors.invoke.Invoker;
import dev.ben.actors.node.servers.GatewayServer;
import dev.ben.actors.node.servers.IngestServer;
import dev.ben.actors.node.servers.NodeServer;
import dev.ben.actors.node.servers.OpsServer;
import dev.ben.actors.node.servers.SocketServer;
import dev.ben.actors.node.tls.HttpsContexts;
import dev.ben.actors.screen.CachedVersionLists;
import dev.ben.actors.screen.LedgerVersionLists;
import dev.ben.actors.screen.ScreenGrpcService;
import dev.ben.actors.screen.Screener;
import dev.ben.actors.sidecar.IngestRoutes;
import dev.ben.actors.sidecar.socket.SocketSidecar;
import dev.ben.actors.signal.Signal;
import dev.ben.actors.signal.SignalStream;
import dev.ben.bux.GatewayPorts;
import dev.ben.bux.GatewayRoutes;
import dev.ben.bux.OpsRoutes;
import dev.ben.config.BenSettings;
import dev.ben.config.Role;
import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.auth.CurrentUsers;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.sidecar.beacon.PreAnonymiser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/**
 * Decides which servers a node's roles call for: edge nodes take events (HTTP ingest and the socket
 * sidecar, with the edge actors behind them), gateway nodes serve bux, orchestrator nodes the gRPC
 * control API (with the invocation service when the node also takes events); a node without the
 * gateway serves /health and /metrics on its ops endpoint.
 */
final class ServerWiring {

  private ServerWiring() {}

  /** The servers to start, in order; the edge actors are spawned on the way. */
  static List<NodeServer> forRoles(
      ActorContext<?> context,
      BenSettings settings,
      NodeServices services,
      ControlPlane control,
      DataPlane data) {
    List<NodeServer> servers = new ArrayList<>();
    Optional<HttpsConnectionContext> https = HttpsContexts.forListeners(settings.tls());
    Optional<InvokeGrpcService> invoke = Optional.empty();
    Optional<ScreenGrpcService> screen = Optional.empty();
    if (settings.node().has(Role.EDGE)) {
      LiveHub<Signal> signals = EdgeWiring.wire(context, settings, services, control, data);
      AppKeyCheck keys = appKeys(context, settings, services);
      Invoker invoker = invoker(context, settings, services, data);
      invoke =
          Optional.of(
              new InvokeGrpcService(
                  invoker, new InvokeReplies(services.mapper()), keys, services.metrics()));
      Screener screener = screener(context, settings, services, control);
      screen = Optional.of(new ScreenGrpcService(screener, keys, services.metrics()));
      servers.add(
          ingest(context, settings, services, data, signals, https, keys, invoker, screener));
      servers.add(
          new SocketServer(
              context,
              settings.ingest().socket().endpoint(),
              listening ->
                  SocketSidecar.create(
                      settings.ingest(),
                      data.directory(),
                      signals,
                      services.mapper(),
                      services.metrics(),
                      settings.runDir(),
                      keys,
                      data.events(),
                      listening)));
    }
    if (settings.node().has(Role.GATEWAY)) {
      GatewayPorts ports = ApiWiring.ports(context, settings, services, control, data);
      // Served over TLS: the session cookie is Secure and the gateway's own origin is https.
      boolean servedOverTls = settings.tls().enabled();
      servers.add(
          new GatewayServer(
              context.getSystem(),
              settings.gateway(),
              new GatewayRoutes(context.getSystem(), settings.gateway(), ports, servedOverTls),
              https,
              services.metrics()));
    } else {
      servers.add(ops(context, settings, services, https));
    }
    if (settings.node().has(Role.ORCHESTRATOR)) {
      servers.add(
          ControlWiring.server(context, settings, services, control, invoke, screen, https));
    }
    return servers;
  }

  private static Invoker invoker(
      ActorContext<?> context, BenSettings settings, NodeServices services, DataPlane data) {
    return new Invoker(
        data.pipelines(),
        new EventParser(services.mapper(), settings.ingest().maxLineBytes()),
        settings.ingest().maxLineBytes(),
        settings.ingest().offerTimeout(),
        DecisionTimer.of(context.getSystem().scheduler()),
        services.metrics());
  }

  /** One screener per node, so the HTTP route and the gRPC service share its decoded lists. */
  private static Screener screener(
      ActorContext<?> context, BenSettings settings, NodeServices services, ControlPlane control) {
    return new Screener(
        new CachedVersionLists(
            new LedgerVersionLists(
                control.ledger(),
                settings.node().askTimeout(),
                context.getSystem().scheduler(),
                services.blockingExecutor()),
            settings.screen().cachedVersions()),
        settings.screen(),
        services.metrics());
  }

  /** One check of apps' keys per node, so HTTP and socket ingest share what it remembers. */
  private static AppKeyCheck appKeys(
      ActorContext<?> context, BenSettings settings, NodeServices services) {
    return new AppKeyCheck(
        services.control().identities(),
        settings.auth().appCacheTtl(),
        settings.auth().appCacheSize(),
        context.getSystem().dispatchers().lookup(DispatcherSelector.blocking()));
  }

  private static IngestServer ingest(
      ActorContext<?> context,
      BenSettings settings,
      NodeServices services,
      DataPlane data,
      LiveHub<Signal> signals,
      Optional<HttpsConnectionContext> https,
      AppKeyCheck keys,
      Invoker invoker,
      Screener screener) {
    SignalStream signalStream =
        new SignalStream(
            signals, services.mapper(), services.metrics(), settings.gateway(), data.events());
    return new IngestServer(
        context.getSystem(),
        settings.ingest(),
        new IngestRoutes(
            context.getSystem(),
            settings.ingest(),
            data.pipelines(),
            invoker,
            screener,
            services.metrics(),
            services.mapper(),
            signalStream,
            new PreAnonymiser(services.control().hashKey()),
            keys),
        https,
        services.metrics());
  }

  /** /health and /metrics of a node without the gateway, which would otherwise serve them. */
  private static OpsServer ops(
      ActorContext<?> context,
      BenSettings settings,
      NodeServices services,
      Optional<HttpsConnectionContext> https) {
    OpsRoutes routes =
        OpsRoutes.forOpsEndpoint(
            services.metrics(),
            new NodeHealth(context.getSystem(), services.connectors())::report,
            services.control().tokens(),
            currentUsers(settings, services),
            settings.tls().enabled());
    return new OpsServer(
        context.getSystem(),
        settings.ops().endpoint(),
        routes,
        https,
        settings.gateway().connections(),
        services.metrics());
  }

  /** Who still holds which role, as the control API and the gateway both check their tokens. */
  static CurrentUsers currentUsers(BenSettings settings, NodeServices services) {
    return new CurrentUsers(services.control().identities(), settings.auth().userCacheTtl());
  }
}
