package dev.ben.actors.detector;

import dev.ben.config.DetectorSettings;
import dev.ben.config.Role;
import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.streams.detector.DetectInput;
import dev.ben.streams.detector.DetectorShards;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.spine.ContractSlots;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.pattern.Patterns;

/**
 * The detector shards of every pipeline as Cluster Sharding entities on the members with the
 * detector role, with the playbook budgets their rounds ask ({@link PlaybookBudgets}). Shards are
 * never passivated (their state is the point). A shard whose member has not loaded a version yet
 * (its contract holder swaps within a second of an activation) is asked again a bounded number of
 * times.
 */
public final class ShardedDetectors implements DetectorShards {

  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final DetectorSettings settings;

  /**
   * Starts this member's part of the sharding: the entities where it has the detector role, a proxy
   * elsewhere.
   */
  public ShardedDetectors(
      ActorSystem<?> system,
      DetectorSettings settings,
      ContractSlots slots,
      MetricsRegistry metrics) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.settings = settings;
    PlaybookBudgets budgets = new PlaybookBudgets(system, settings.budgetTimeout(), metrics);
    sharding.init(
        Entity.of(
                DetectorShard.TYPE_KEY,
                entity ->
                    DetectorShard.create(
                        slots,
                        settings.shards(),
                        new ShardReports(metrics),
                        budgets,
                        settings.stashCapacity()))
            .withRole(Role.DETECTOR.configName())
            .withSettings(ClusterShardingSettings.create(system).withNoPassivationStrategy()));
  }

  @Override
  public CompletionStage<List<Detection>> detect(
      String pipeline, int shard, long version, String schema, List<DetectInput> inputs) {
    return attempt(
        pipeline + "/" + shard,
        new Round(pipeline, version, schema, inputs),
        settings.loadRetries());
  }

  private record Round(String pipeline, long version, String schema, List<DetectInput> inputs) {}

  private CompletionStage<List<Detection>> attempt(String entityId, Round round, int retriesLeft) {
    return sharding
        .entityRefFor(DetectorShard.TYPE_KEY, entityId)
        .<DetectorShard.Reply>ask(
            replyTo ->
                new DetectorShard.Detect(
                    round.pipeline(), round.version(), round.schema(), round.inputs(), replyTo),
            settings.askTimeout())
        .thenCompose(
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
                  () -> attempt(entityId, round, retriesLeft - 1));
            });
  }
}
