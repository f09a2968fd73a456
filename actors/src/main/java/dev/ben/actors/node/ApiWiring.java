package dev.ben.actors.node;

import dev.ben.actors.detector.DetectorShard;
import dev.ben.actors.eventlog.EventLogQueryPort;
import dev.ben.actors.history.ClusterMetricsHistory;
import dev.ben.actors.reads.BeaconAnalytics;
import dev.ben.actors.reads.ClusterMembers;
import dev.ben.actors.reads.LedgerAsks;
import dev.ben.actors.reads.ReplicaEvents;
import dev.ben.bux.GatewayPorts;
import dev.ben.bux.socket.TopicPorts;
import dev.ben.config.BenSettings;
import dev.ben.config.Role;
import dev.ben.streams.eventlog.query.EventSource;
import dev.ben.streams.store.analytics.BeaconQuery;
import dev.ben.streams.store.replica.ReplicaQuery;
import java.time.Clock;
import java.util.Optional;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * What a gateway node lends the gateway: the live tap, metrics, health and users, and ben_api's
 * reads of the ledger singleton, the cluster and the replica tables of this node's store, and the
 * web analytics of beacon pipelines from their tables, each waiting up to {@code
 * ben.gateway.read-timeout}.
 */
final class ApiWiring {

  private ApiWiring() {}

  static GatewayPorts ports(
      ActorContext<?> context,
      BenSettings settings,
      NodeServices services,
      ControlPlane control,
      DataPlane data) {
    NodeHealth health = new NodeHealth(context.getSystem(), services.connectors());
    LedgerAsks ledger =
        new LedgerAsks(control.ledger(), context.getSystem(), settings.gateway().readTimeout());
    return new GatewayPorts(
        data.live(),
        services.metrics(),
        health::report,
        services.control().identities(),
        services.control().tokens(),
        ServerWiring.currentUsers(settings, services),
        new ClusterMetricsHistory(context.getSystem(), settings.history(), Clock.systemUTC()),
        ledger,
        new ClusterMembers(
            context.getSystem(),
            Role.ORCHESTRATOR.configName(),
            ControlPlane.SINGLETONS,
            DetectorShard.TYPE_KEY,
            settings.gateway().readTimeout(),
            health::report),
        new ReplicaEvents(
            ledger,
            new ReplicaQuery(services.migrator().store(), services.mapper()),
            services.blockingExecutor()),
        // The gateway serves the topics it can read through ben_api's ports itself: cluster,
        // pipelines, history, and decisions from the event log's queries below.
        new TopicPorts(
            Optional.empty(),
            Optional.empty(),
            Optional.of(analytics(settings, services, ledger)),
            Optional.empty(),
            Optional.empty()),
        new LedgerBundleReads(
            control.ledger(), settings.node().askTimeout(), context.getSystem().scheduler()),
        new EventLogQueryPort(
            EventSource.of(services.control().eventLog(), settings.eventLog().maxBatch()),
            EventArchiving.history(settings, services),
            settings.eventQueries(),
            context.getSystem().dispatchers().lookup(DispatcherSelector.blocking())));
  }

  private static BeaconAnalytics analytics(
      BenSettings settings, NodeServices services, LedgerAsks ledger) {
    return new BeaconAnalytics(
        BeaconAnalytics.fromLedger(ledger),
        new BeaconQuery(services.migrator().store()),
        services.blockingExecutor(),
        settings.analytics(),
        settings.gateway().countersInterval(),
        settings.gateway().readTimeout(),
        Clock.systemUTC(),
        services.mapper());
  }
}
