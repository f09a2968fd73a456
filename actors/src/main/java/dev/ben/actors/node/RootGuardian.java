package dev.ben.actors.node;

import dev.ben.actors.NodeLocal;
import dev.ben.actors.Supervision;
import dev.ben.actors.history.HistoryKeeper;
import dev.ben.actors.node.servers.NodeServer;
import dev.ben.config.BenSettings;
import dev.ben.config.Endpoint;
import dev.ben.streams.eventlog.emit.EventEmitter;
import java.net.InetSocketAddress;
import java.util.List;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * The node's guardian: starts the node's metrics history and its emitter of events, wires the
 * control plane (orchestrator and ledger singletons, hosted on orchestrator-role members), the data
 * plane and the servers this node's roles call for, starts the servers and reports where they
 * listen. A port that cannot be bound stops the node with the reason, since a node that silently
 * lacks its endpoint would look healthy while refusing all traffic.
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

  private record Started(NodeServer server, InetSocketAddress address) implements Command {}

  private record CannotStart(NodeServer server, Throwable cause) implements Command {}

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
    EmbeddedStateGuard.watchIfEmbedded(context, EmbeddedStateRule.of(settings));
    context.spawn(
        Supervision.restartWithBackoff(
            HistoryKeeper.forNode(settings.history(), services.metrics()), settings.supervision()),
        "metrics-history");
    NotificationPlanes planes = new NotificationPlanes(context, settings, services);
    EventEmitter events = EventEmitting.start(context, settings, services);
    ControlPlane control = ControlPlane.wire(context, settings, services, planes, events);
    DataPlane data = DataPlane.wire(context, settings, services, planes, events);
    List<NodeServer> servers = ServerWiring.forRoles(context, settings, services, control, data);
    endpoints.serving(servers.stream().map(NodeServer::name).toList());
    servers.forEach(this::start);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Started.class, this::onStarted)
        .onMessage(CannotStart.class, this::onCannotStart)
        .onMessage(GetEndpoints.class, this::onGetEndpoints)
        .build();
  }

  private void start(NodeServer server) {
    getContext()
        .pipeToSelf(
            server.start(),
            (address, failure) ->
                failure == null ? new Started(server, address) : new CannotStart(server, failure));
  }

  private Behavior<Command> onStarted(Started started) {
    NodeServer server = started.server();
    getContext().getLog().info(server.listening(started.address()));
    CoordinatedShutdown.get(getContext().getSystem())
        .addTask(CoordinatedShutdown.PhaseServiceUnbind(), "unbind-" + server.name(), server::stop);
    endpoints.bound(server.name(), started.address());
    return this;
  }

  private Behavior<Command> onCannotStart(CannotStart failed) {
    NodeServer server = failed.server();
    String reason =
        "cannot listen for "
            + server.settingsPath()
            + " on "
            + server.configured()
            + ": "
            + failed.cause().getMessage()
            + " (is another process using the port? set the ben."
            + server.settingsPath()
            + ".port setting or its environment variable)";
    getContext().getLog().error(reason);
    CoordinatedShutdown.get(getContext().getSystem()).run(new StartFailed(reason));
    return Behaviors.stopped();
  }

  private Behavior<Command> onGetEndpoints(GetEndpoints request) {
    endpoints.whenReady(request.replyTo());
    return this;
  }
}
