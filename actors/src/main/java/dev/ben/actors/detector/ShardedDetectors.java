package dev.ben.actors.detector;

import dev.ben.config.DetectorSettings;
import dev.ben.config.Role;
import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.streams.detector.DetectInput;
import dev.ben.streams.detector.DetectorShards;
import dev.ben.streams.detector.state.ShardSnapshots;
import dev.ben.streams.detector.state.ShardStateStore;
import dev.ben.streams.detector.state.SnapshotCounts;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.spine.ContractSlots;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.Patterns;

/**
 * The detector shards of every pipeline as Cluster Sharding entities on the members with the
 * detector role, with the playbook budgets their rounds ask ({@link PlaybookBudgets}, whose state
 * goes to the same store). Shards are never passivated (their state is the point); when one moves,
 * Cluster Sharding stops it with {@link DetectorShard.Stop}, so its last snapshot is in the state
 * store before the next member starts it. A shard whose member has not loaded a version yet (its
 * contract holder swaps within a second of an activation) is asked again a bounded number of times.
 */
public final class ShardedDetectors implements DetectorShards {

  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final DetectorSettings settings;
  private final Map<ShardOf, EntityRef<DetectorShard.Command>> entities = new ConcurrentHashMap<>();

  /**
   * Starts this member's part of the sharding: the entities where it has the detector role, a proxy
   * elsewhere. Their snapshots go to {@code state}, written and read on {@code io}.
   */
  public ShardedDetectors(
      ActorSystem<?> system,
      DetectorSettings settings,
      ContractSlots slots,
      MetricsRegistry metrics,
      ShardStateStore state,
      Executor io) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.settings = settings;
    PlaybookBudgets budgets =
        new PlaybookBudgets(
            system, settings.budgetTimeout(), metrics, state, io, settings.stashCapacity());
    sharding.init(
        Entity.of(
                DetectorShard.TYPE_KEY,
                entity -> shard(entity.getEntityId(), slots, metrics, state, io, budgets))
            .withStopMessage(new DetectorShard.Stop())
            .withRole(Role.DETECTOR.configName())
            .withSettings(ClusterShardingSettings.create(system).withNoPassivationStrategy()));
  }

  /** The entity {@code <pipeline>/<shard>}. */
  private Behavior<DetectorShard.Command> shard(
      String entityId,
      ContractSlots slots,
      MetricsRegistry metrics,
      ShardStateStore state,
      Executor io,
      PlaybookBudgets budgets) {
    String pipeline = entityId.substring(0, entityId.lastIndexOf('/'));
    int shard = Integer.parseInt(entityId.substring(entityId.lastIndexOf('/') + 1));
    var snapshots =
        new ShardSnapshots(
            state, io, settings, new SnapshotCounts(metrics, pipeline), pipeline, shard);
    return DetectorShard.create(
        slots,
        settings.shards(),
        new ShardReports(metrics),
        snapshots,
        budgets,
        settings.stashCapacity());
  }

  @Override
  public CompletionStage<List<Detection>> detect(
      String pipeline, int shard, long version, String schema, List<DetectInput> inputs) {
    return attempt(
        entity(pipeline, shard),
        new Round(pipeline, version, schema, inputs),
        settings.loadRetries());
  }

  private record Round(String pipeline, long version, String schema, List<DetectInput> inputs) {}

  private record ShardOf(String pipeline, int shard) {}

  /**
   * The shard's entity, looked up once: a reference is only its address (the region finds where the
   * entity lives on every message), and making one per round costs more than the round's events.
   */
  private EntityRef<DetectorShard.Command> entity(String pipeline, int shard) {
    ShardOf key = new ShardOf(pipeline, shard);
    EntityRef<DetectorShard.Command> found = entities.get(key);
    if (found != null) {
      return found;
    }
    return entities.computeIfAbsent(
        key, k -> sharding.entityRefFor(DetectorShard.TYPE_KEY, k.pipeline() + "/" + k.shard()));
  }

  private CompletionStage<List<Detection>> attempt(
      EntityRef<DetectorShard.Command> entity, Round round, int retriesLeft) {
    return entity
        .<DetectorShard.Reply>ask(
            replyTo ->
                new DetectorShard.Detect(
                    round.pipeline(), round.version(), round.schema(), round.inputs(), replyTo),
            settings.askTimeout())
        // Read on the thread that completes the ask (the shard's, as its reply arrives): a plain
        // continuation would run on the common pool, which on one or two cores starts a thread per
        // task, and the dispatcher would cost a thread's wake-up per round (docs/bench.md).
        .thenComposeAsync(
            reply -> {
              if (reply instanceof DetectorShard.Detected detected) {
                return CompletableFuture.completedFuture(detected.detections());
              }
              if (reply instanceof DetectorShard.Refused refused) {
                return CompletableFuture.failedFuture(new Refused(refused.reason()));
              }
              String reason = ((DetectorShard.NotLoaded) reply).reason();
              if (retriesLeft <= 0) {
                return CompletableFuture.failedFuture(new NotLoaded(reason));
              }
              return Patterns.after(
                  settings.loadRetryDelay(),
                  system.classicSystem().scheduler(),
                  system.executionContext(),
                  () -> attempt(entity, round, retriesLeft - 1));
            },
            Runnable::run);
  }
}
