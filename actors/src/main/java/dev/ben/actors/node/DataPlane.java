package dev.ben.actors.node;

import dev.ben.actors.bridge.MessagePlane;
import dev.ben.actors.bridge.TopicPlane;
import dev.ben.actors.detector.ShardedDetectors;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.actors.pipeline.PipelineResources;
import dev.ben.actors.pipeline.PipelineTable;
import dev.ben.actors.signal.Signal;
import dev.ben.actors.signal.SignalPublisher;
import dev.ben.actors.signal.SuppressionSampler;
import dev.ben.config.BenSettings;
import dev.ben.config.DetectorSettings;
import dev.ben.config.WalSettings;
import dev.ben.streams.detector.state.NatsShardStateStore;
import dev.ben.streams.detector.state.RocksShardStateStore;
import dev.ben.streams.detector.state.ShardStateStore;
import dev.ben.streams.eventlog.emit.EventEmitter;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.spine.ContractSlots;
import dev.ben.streams.wal.IngestWal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.stream.Materializer;

/**
 * What every node's pipelines share, whatever its roles: the directory of the pipelines running
 * here (and the table it publishes for request handlers to read), the live feed bux shows, the
 * plane playbook signals travel on, the resources a pipeline's stages are built from (store, spill
 * index, detector shards, ingest log), and the emitter through which playbook decisions and signals
 * reach the event log.
 */
record DataPlane(
    ActorRef<PipelineDirectory.Command> directory,
    PipelineTable pipelines,
    LiveHub<String> live,
    MessagePlane<Signal> signals,
    PipelineResources resources,
    EventEmitter events) {

  /** Events a slow live-feed subscriber may fall behind before it misses some. */
  static final int LIVE_BUFFER = 1024;

  static DataPlane wire(
      ActorContext<?> context,
      BenSettings settings,
      NodeServices services,
      NotificationPlanes planes,
      EventEmitter events) {
    PipelineTable pipelines = new PipelineTable();
    ActorRef<PipelineDirectory.Command> directory =
        context.spawn(PipelineDirectory.create(pipelines), "pipelines");
    LiveHub<String> live =
        new LiveHub<>(String.class, Materializer.matFromSystem(context.getSystem()), LIVE_BUFFER);
    MessagePlane<Signal> signals =
        planes.plane(Signal.class, "signals", TopicPlane.SIGNALS, "signals", "signals");
    ContractSlots slots = new ContractSlots();
    ShardStateStore detectorState = detectorState(settings.detector(), services);
    context.getLog().info("detector snapshots: {}", detectorState.describe());
    PipelineResources resources =
        new PipelineResources(
            settings,
            services.metrics(),
            live,
            services.storeWriter(),
            services.migrator(),
            services.blockingExecutor(),
            services.mapper(),
            new SignalPublisher(
                signals,
                services.metrics(),
                events,
                new SuppressionSampler(
                    settings.eventLog().suppressionInterval(),
                    settings.eventLog().suppressionKeys())),
            services.localIndex(),
            slots,
            new ShardedDetectors(
                context.getSystem(),
                settings.detector(),
                slots,
                services.metrics(),
                detectorState,
                services.blockingExecutor()),
            openWal(context, settings, services));
    return new DataPlane(directory, pipelines, live, signals, resources, events);
  }

  /** The node's ingest log, closed in the last phase of the node's coordinated shutdown. */
  private static Optional<IngestWal> openWal(
      ActorContext<?> context, BenSettings settings, NodeServices services) {
    WalSettings wal = settings.wal();
    if (!wal.enabled()) {
      context.getLog().warn("the ingest log is off (ben.wal.enabled): acks are not durable");
      return Optional.empty();
    }
    IngestWal log =
        IngestWal.open(
            wal.dir(),
            new IngestWal.Options(
                wal.maxBytes(),
                wal.sync(),
                wal.trimInterval(),
                wal.trimBatch(),
                wal.ack() == WalSettings.Ack.STORED,
                wal.ackTimeout()),
            services.mapper(),
            services.metrics());
    // Closed before the system is reported terminated, so a node started again in the same
    // process finds the directory free; a trim a stream makes later is only a replay.
    CoordinatedShutdown.get(context.getSystem())
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-ingest-log",
            () ->
                CompletableFuture.supplyAsync(
                    () -> {
                      log.close();
                      return Done.getInstance();
                    },
                    services.blockingExecutor()));
    return Optional.of(log);
  }

  /**
   * Detector snapshots follow the shards when NATS is configured (a KV bucket every member reads),
   * else stay in this node's RocksDB, which a restart keeps but a moved shard cannot reach.
   */
  private static ShardStateStore detectorState(DetectorSettings settings, NodeServices services) {
    return services
        .control()
        .nats()
        .<ShardStateStore>map(
            nats ->
                NatsShardStateStore.open(
                    nats, settings.snapshotKvBucket(), settings.snapshotMaxBytes()))
        .orElseGet(
            () -> new RocksShardStateStore(services.localIndex(), settings.snapshotMaxBytes()));
  }
}
