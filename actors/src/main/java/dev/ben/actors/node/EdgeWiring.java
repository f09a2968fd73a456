package dev.ben.actors.node;

import dev.ben.actors.contract.ContractSources;
import dev.ben.actors.pipeline.PipelineHost;
import dev.ben.actors.pipeline.PipelineLauncher;
import dev.ben.actors.signal.Signal;
import dev.ben.actors.signal.SignalRelay;
import dev.ben.config.BenSettings;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.store.replica.ReplicaKeeper;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.stream.Materializer;

/**
 * What an edge node runs besides its ingest and socket servers: the pipeline host (which launches
 * the pipelines the orchestrator places here), the keeper of the front-end store replicas, and the
 * relay that brings playbook signals to the apps connected to this node.
 */
final class EdgeWiring {

  /**
   * Rows copied into a front-end replica per table per round: bounds a round's work while a replica
   * catches up.
   */
  private static final int REPLICA_PAGE_ROWS = 50_000;

  private EdgeWiring() {}

  /** Spawns the edge actors; returns the hub the relayed signals reach this node's apps on. */
  static LiveHub<Signal> wire(
      ActorContext<?> context,
      BenSettings settings,
      NodeServices services,
      ControlPlane control,
      DataPlane data) {
    ContractSources sources =
        new ContractSources(
            control.ledger(),
            control.notices(),
            services.control().hashKey(),
            settings.ledger().maxBundleBytes());
    context.spawn(
        PipelineHost.create(
            new PipelineLauncher(
                data.resources(),
                data.directory(),
                control.hellos(),
                control.orchestrator(),
                sources)),
        "pipeline-host");
    ReplicaKeeper replicas =
        new ReplicaKeeper(services.migrator(), services.metrics(), REPLICA_PAGE_ROWS);
    context.spawn(
        RepeatedRounds.create(
            "copying rows into the front-end replicas",
            () -> {
              // A round copies a page of every table; the next waits for the interval unless a
              // page was full.
              replicas.round();
              return replicas.behind();
            },
            settings.store().replicaInterval(),
            services.blockingExecutor()),
        "replica-keeper");
    LiveHub<Signal> signals =
        new LiveHub<>(
            Signal.class, Materializer.matFromSystem(context.getSystem()), DataPlane.LIVE_BUFFER);
    context.spawn(
        SignalRelay.create(data.signals(), signals, services.metrics(), data.events()),
        "signal-relay");
    return signals;
  }
}
