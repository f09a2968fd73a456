package dev.ben.bux.socket;

import java.util.Optional;

/**
 * The topics' sources the node lends the gateway besides the live tap and the metrics registry:
 * {@code cluster} and {@code pipelines} (the ben_api bodies), {@code analytics} (beacon pipelines'
 * visits, filtered by pipeline), {@code history} (metrics points), {@code decisions} (firings,
 * suppressions and signals) and {@code totals} (the stage counters summed over the cluster). An
 * empty one is not offered on this node: its topic is left out of the welcome frame and a
 * subscription to it is refused.
 */
public record TopicPorts(
    Optional<SnapshotPort> cluster,
    Optional<SnapshotPort> pipelines,
    Optional<SnapshotPort> analytics,
    Optional<SnapshotPort> history,
    Optional<StreamPort> decisions,
    Optional<SnapshotPort> totals) {

  /** The ports without {@code totals}, which only the gateway's own ben_api reads offer. */
  public TopicPorts(
      Optional<SnapshotPort> cluster,
      Optional<SnapshotPort> pipelines,
      Optional<SnapshotPort> analytics,
      Optional<SnapshotPort> history,
      Optional<StreamPort> decisions) {
    this(cluster, pipelines, analytics, history, decisions, Optional.empty());
  }

  /** No topic beyond metrics and tail. */
  public static TopicPorts none() {
    return new TopicPorts(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
