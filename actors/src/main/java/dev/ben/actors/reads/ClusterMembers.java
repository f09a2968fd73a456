package dev.ben.actors.reads;

import dev.ben.bux.api.ClusterReads;
import dev.ben.bux.api.HealthReport;
import dev.ben.bux.api.ReadFailure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The cluster as this node sees it: membership and reachability from its own cluster state (no
 * other node is asked), and shard counts per member from Cluster Sharding's statistics of {@code
 * shards}, which the coordinator gathers from every region within {@code timeout}.
 */
public final class ClusterMembers implements ClusterReads {

  private final ActorSystem<?> system;
  private final String singletonRole;
  private final List<String> singletons;
  private final EntityTypeKey<?> shards;
  private final Duration timeout;
  private final Supplier<HealthReport> health;

  public ClusterMembers(
      ActorSystem<?> system,
      String singletonRole,
      List<String> singletons,
      EntityTypeKey<?> shards,
      Duration timeout,
      Supplier<HealthReport> health) {
    this.system = system;
    this.singletonRole = singletonRole;
    this.singletons = List.copyOf(singletons);
    this.shards = shards;
    this.timeout = timeout;
    this.health = health;
  }

  @Override
  public CompletionStage<ClusterView> cluster() {
    // The coordinator answers with what the regions told it within the timeout; the ask waits a
    // little longer so that answer, not the ask's own timeout, is what normally arrives.
    CompletionStage<ShardRegion.ClusterShardingStats> stats =
        AskPattern.ask(
            ClusterSharding.get(system).shardState(),
            replyTo -> new GetClusterShardingStats(shards, timeout, replyTo),
            timeout.multipliedBy(2),
            system.scheduler());
    return stats
        .thenApply(this::view)
        .exceptionally(
            failure -> {
              throw new ReadFailure(
                  ReadFailure.Kind.UNAVAILABLE,
                  "the cluster's sharding statistics did not arrive within "
                      + timeout.multipliedBy(2).toMillis()
                      + " ms; try again",
                  failure);
            });
  }

  private ClusterView view(ShardRegion.ClusterShardingStats stats) {
    Map<Address, Integer> counts = new HashMap<>();
    stats.getRegions().forEach((address, region) -> counts.put(address, region.getStats().size()));
    ClusterEvent.CurrentClusterState state = Cluster.get(system).state();
    return new ClusterView(
        system.address().toString(),
        MemberViews.of(
            state.getMembers(), state.getUnreachable(), singletonRole, singletons, counts),
        health.get());
  }
}
