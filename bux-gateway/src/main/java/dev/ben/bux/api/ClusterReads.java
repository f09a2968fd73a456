package dev.ben.bux.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What ben_api reads of the cluster: its members as this node sees them, where the cluster
 * singletons run, how many detector shards each member holds, and this node's health.
 */
public interface ClusterReads {

  CompletionStage<ClusterView> cluster();

  /** {@code self}: this node's address. */
  record ClusterView(String self, List<MemberView> members, HealthReport health) {

    public ClusterView {
      members = List.copyOf(members);
    }
  }

  /**
   * A member: its status as the cluster's membership has it (Up, Joining, …), whether this node
   * reaches it, the singletons it hosts, and its detector shards (0 when the sharding statistics
   * did not name it).
   */
  record MemberView(
      String address,
      List<String> roles,
      String status,
      boolean reachable,
      List<String> singletons,
      int shards) {

    public MemberView {
      roles = List.copyOf(roles);
      singletons = List.copyOf(singletons);
    }
  }
}
