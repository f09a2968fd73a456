package dev.ben.actors.node;

import dev.ben.actors.NodeLocal;
import dev.ben.actors.bridge.HelloPlane;
import dev.ben.actors.bridge.MessagePlane;
import dev.ben.actors.bridge.NatsHelloPlane;
import dev.ben.actors.bridge.NatsSubjectPlane;
import dev.ben.actors.bridge.SingletonHelloPlane;
import dev.ben.actors.bridge.TopicPlane;
import dev.ben.actors.contract.ContractSources;
import dev.ben.actors.control.ControlRequests;
import dev.ben.actors.control.LedgerGrpcService;
import dev.ben.actors.detector.ShardedDetectors;
import dev.ben.actors.ledger.ContractNotice;
import dev.ben.actors.ledger.Ledger;
import dev.ben.actors.ledger.LedgerParts;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.actors.pipeline.ClusterExecutor;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.actors.pipeline.PipelineHost;
import dev.ben.actors.pipeline.PipelineLauncher;
import dev.ben.actors.pipeline.PipelineResources;
import dev.ben.actors.sidecar.IngestRoutes;
import dev.ben.actors.sidecar.socket.SocketSidecar;
import dev.ben.actors.signal.Signal;
import dev.ben.actors.signal.SignalPublisher;
import dev.ben.actors.signal.SignalRelay;
import dev.ben.actors.signal.SignalStream;
import dev.ben.api.control.LedgerServiceHandlerFactory;
import dev.ben.bux.GatewayPorts;
import dev.ben.bux.GatewayRoutes;
import dev.ben.config.BenSettings;
import dev.ben.config.Endpoint;
import dev.ben.config.Role;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.sidecar.beacon.PreAnonymiser;
import dev.ben.streams.spine.ContractSlots;
import dev.ben.streams.store.replica.ReplicaKeeper;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The node's guardian: starts the orchestrator and ledger singletons (hosted on orchestrator-role
 * members), the notification planes, the pipeline directory, and — by role — the pipeline host with
 * the front-end replica keeper, the HTTP endpoints and the gRPC control API. A port that cannot be
 * bound stops the node with the reason, since a node that silently lacks its endpoint would look
 * healthy while refusing all traffic.
 */
public final class RootGuardian extends AbstractBehavior<RootGuardian.Command> {

  public sealed interface Command extends NodeLocal {}

  /** Asks which endpoints this node serves; answered once they are bound. */
  public record GetEndpoints(ActorRef<Endpoints> replyTo) implements Command {}

  /**
   * Where the node listens; ports are the bound ones (they differ from the settings when 0 was
   * configured).
   */
  public record Endpoints(Endpoint ingest, Endpoint gateway, Endpoint control, Endpoint socket)
      implements NodeLocal {}

  private record Bound(String name, ServerBinding binding) implements Command {}

  private record BindFailed(String name, Endpoint endpoint, Throwable cause) implements Command {}

  private record SocketListening(SocketSidecar.Listening listening) implements Command {}

  private static final Duration RESTART_MIN = Duration.ofMillis(200);
  private static final Duration RESTART_MAX = Duration.ofSeconds(10);

  /**
   * Rows copied into a front-end replica per table per round: bounds a round's work while a replica
   * catches up.
   */
  private static final int REPLICA_PAGE_ROWS = 50_000;

  private final NodeEndpoints endpoints = new NodeEndpoints();

  public static Behavior<Command> create(BenSettings settings, NodeServices services) {
    return Behaviors.setup(context -> new RootGuardian(context, settings, services));
  }

  private RootGuardian(ActorContext<Command> context, BenSettings settings, NodeServices services) {
    super(context);
    if (settings.node().seeds().isEmpty()) {
      Cluster cluster = Cluster.get(context.getSystem());
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
    ControlServices control = services.control();
    String namespace = settings.connectors().nats().map(nats -> nats.namespace()).orElse("ben");
    MessagePlane<ContractNotice> notices =
        control
            .nats()
            .<MessagePlane<ContractNotice>>map(
                nats ->
                    new NatsSubjectPlane<>(
                        nats.subjects(),
                        namespace + ".notices.contracts",
                        ContractNotice.class,
                        services.mapper(),
                        services.metrics(),
                        "notices"))
            .orElseGet(
                () ->
                    new TopicPlane<>(
                        context.spawn(
                            Topic.create(ContractNotice.class, TopicPlane.NOTICES),
                            "contract-notices")));
    SingletonHelloPlane inJvm = new SingletonHelloPlane();
    HelloPlane hellos =
        control
            .nats()
            .<HelloPlane>map(
                nats ->
                    new NatsHelloPlane(
                        nats.streams(),
                        namespace,
                        services.mapper(),
                        services.metrics(),
                        context.getSystem()))
            .orElse(inJvm);
    ActorRef<Orchestrator.Command> orchestrator =
        singleton(
            Orchestrator.create(ClusterExecutor.create(), hellos),
            "orchestrator",
            Orchestrator.Command.class,
            Props.empty());
    inJvm.attach(orchestrator);
    ActorRef<Ledger.Command> ledger =
        singleton(
            Ledger.create(
                new LedgerParts.Factory(
                    control.ledgerStore(),
                    control.access(),
                    control.trusted(),
                    settings.ledger(),
                    notices,
                    orchestrator)),
            "ledger",
            Ledger.Command.class,
            Ledger.props());
    ActorRef<PipelineDirectory.Command> directory =
        context.spawn(PipelineDirectory.create(), "pipelines");
    LiveHub<String> live =
        new LiveHub<>(
            String.class,
            org.apache.pekko.stream.Materializer.matFromSystem(context.getSystem()),
            1024);
    MessagePlane<Signal> signals =
        control
            .nats()
            .<MessagePlane<Signal>>map(
                nats ->
                    new NatsSubjectPlane<>(
                        nats.subjects(),
                        namespace + ".signals",
                        Signal.class,
                        services.mapper(),
                        services.metrics(),
                        "signals"))
            .orElseGet(
                () ->
                    new TopicPlane<>(
                        context.spawn(Topic.create(Signal.class, TopicPlane.SIGNALS), "signals")));
    ContractSlots slots = new ContractSlots();
    PipelineResources resources =
        new PipelineResources(
            settings,
            services.metrics(),
            live,
            services.storeWriter(),
            services.migrator(),
            services.blockingExecutor(),
            services.mapper(),
            new SignalPublisher(signals, services.metrics()),
            services.localIndex(),
            slots,
            new ShardedDetectors(
                context.getSystem(), settings.detector(), slots, services.metrics()));
    if (settings.node().has(Role.EDGE)) {
      ContractSources sources =
          new ContractSources(
              ledger, notices, control.hashKey(), settings.ledger().maxBundleBytes());
      context.spawn(
          PipelineHost.create(
              new PipelineLauncher(resources, directory, hellos, orchestrator, sources)),
          "pipeline-host");
      context.spawn(
          ReplicaKeeping.create(
              new ReplicaKeeper(services.migrator(), services.metrics(), REPLICA_PAGE_ROWS),
              settings.store().replicaInterval(),
              services.blockingExecutor()),
          "replica-keeper");
      LiveHub<Signal> signalHub =
          new LiveHub<>(
              Signal.class,
              org.apache.pekko.stream.Materializer.matFromSystem(context.getSystem()),
              1024);
      context.spawn(SignalRelay.create(signals, signalHub, services.metrics()), "signal-relay");
      SignalStream signalStream =
          new SignalStream(
              signalHub, services.mapper(), services.metrics(), settings.gateway().clientBuffer());
      bind(
          "ingest",
          settings.ingest().endpoint(),
          server(settings.ingest().endpoint())
              .bind(
                  new IngestRoutes(
                          context.getSystem(),
                          settings.ingest(),
                          directory,
                          services.metrics(),
                          services.mapper(),
                          signalStream,
                          new PreAnonymiser(control.hashKey()))
                      .route()));
      context.spawn(
          SocketSidecar.create(
              settings.ingest(),
              directory,
              signalHub,
              services.mapper(),
              services.metrics(),
              settings.runDir(),
              context.messageAdapter(SocketSidecar.Listening.class, SocketListening::new)),
          "socket-sidecar");
    } else {
      endpoints.skip("ingest");
      endpoints.skip("socket");
    }
    if (settings.node().has(Role.GATEWAY)) {
      GatewayPorts ports =
          new GatewayPorts(
              live,
              services.metrics(),
              new NodeHealth(context.getSystem(), services.connectors())::report);
      bind(
          "gateway",
          settings.gateway().endpoint(),
          server(settings.gateway().endpoint())
              .bind(new GatewayRoutes(context.getSystem(), settings.gateway(), ports).route()));
    } else {
      endpoints.skip("gateway");
    }
    if (settings.node().has(Role.ORCHESTRATOR)) {
      var service =
          new LedgerGrpcService(
              ledger,
              context.getSystem(),
              settings.control(),
              new ControlRequests(settings.ledger().maxBundleBytes(), services.metrics()));
      // gRPC is HTTP/2 only (cleartext, prior knowledge), so only this binding turns it on.
      bind(
          "control",
          settings.control().endpoint(),
          server(settings.control().endpoint())
              .adaptSettings(server -> server.withEnableHttp2(true))
              .bind(LedgerServiceHandlerFactory.create(service, context.getSystem())));
    } else {
      endpoints.skip("control");
    }
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Bound.class, this::onBound)
        .onMessage(BindFailed.class, this::onBindFailed)
        .onMessage(SocketListening.class, this::onSocketListening)
        .onMessage(GetEndpoints.class, this::onGetEndpoints)
        .build();
  }

  private Behavior<Command> onBound(Bound bound) {
    java.net.InetSocketAddress address = bound.binding().localAddress();
    getContext()
        .getLog()
        .info(
            "{} listening on http://{}:{}",
            bound.name(),
            address.getHostString(),
            address.getPort());
    CoordinatedShutdown.get(getContext().getSystem())
        .addTask(
            CoordinatedShutdown.PhaseServiceUnbind(),
            "unbind-" + bound.name(),
            () -> bound.binding().unbind().thenApply(unbound -> Done.getInstance()));
    endpoints.bound(bound.name(), bound.binding().localAddress());
    return this;
  }

  private Behavior<Command> onBindFailed(BindFailed failed) {
    getContext()
        .getLog()
        .error(
            "cannot listen for {} on {}: {} (is another process using the port? set "
                + "the ben.{}.port setting or its environment variable)",
            failed.name(),
            failed.endpoint(),
            failed.cause().getMessage(),
            failed.name());
    return Behaviors.stopped();
  }

  private Behavior<Command> onSocketListening(SocketListening message) {
    SocketSidecar.Listening listening = message.listening();
    if (listening.failure().isPresent()) {
      return onBindFailed(
          new BindFailed("ingest.socket", listening.configured(), listening.failure().get()));
    }
    getContext()
        .getLog()
        .info(
            "socket sidecar listening on tcp://{}:{}",
            listening.bound().get().getHostString(),
            listening.bound().get().getPort());
    endpoints.bound("socket", listening.bound().get());
    return this;
  }

  private Behavior<Command> onGetEndpoints(GetEndpoints request) {
    endpoints.whenReady(request.replyTo());
    return this;
  }

  private void bind(String name, Endpoint endpoint, CompletionStage<ServerBinding> binding) {
    getContext()
        .pipeToSelf(
            binding,
            (bound, failure) ->
                failure == null ? new Bound(name, bound) : new BindFailed(name, endpoint, failure));
  }

  private org.apache.pekko.http.javadsl.ServerBuilder server(Endpoint endpoint) {
    return Http.get(getContext().getSystem()).newServerAt(endpoint.host(), endpoint.port());
  }

  /**
   * A cluster singleton on the orchestrator role, restarted with backoff when it fails; returns its
   * proxy.
   */
  private <T> ActorRef<T> singleton(
      Behavior<T> behavior, String name, Class<T> protocol, Props props) {
    return ClusterSingleton.get(getContext().getSystem())
        .init(
            SingletonActor.of(supervised(behavior), name)
                .withProps(props)
                .withSettings(
                    ClusterSingletonSettings.create(getContext().getSystem())
                        .withRole(Role.ORCHESTRATOR.configName())));
  }

  private static <T> Behavior<T> supervised(Behavior<T> behavior) {
    return Behaviors.supervise(behavior)
        .onFailure(SupervisorStrategy.restartWithBackoff(RESTART_MIN, RESTART_MAX, 0.2));
  }
}
