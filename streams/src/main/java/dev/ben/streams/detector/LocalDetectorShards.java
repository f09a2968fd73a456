package dev.ben.streams.detector;

import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.contracts.engine.playbook.LocalBoundAdmission;
import dev.ben.streams.spine.ContractSlot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Every shard of one pipeline in this JVM, answered synchronously: the detector stage without a
 * cluster (benchmarks of the stream alone, and tests of the stage). State per shard is the same
 * {@link ShardDetectors} the sharded entities hold; playbook bounds are one set for all the shards
 * of a version, as the cluster's budgets are. Confined to the one stream that calls it.
 */
public final class LocalDetectorShards implements DetectorShards {

  private final ContractSlot slot;
  private final int shardCount;
  private final Map<String, ShardDetectors> shards = new HashMap<>();
  private LocalBoundAdmission bounds = new LocalBoundAdmission();
  private long boundsVersion = -1;

  public LocalDetectorShards(ContractSlot slot, int shardCount) {
    this.slot = slot;
    this.shardCount = shardCount;
  }

  @Override
  public CompletionStage<List<Detection>> detect(
      String pipeline, int shard, long version, String schema, List<DetectInput> inputs) {
    ShardDetectors state = shards.get(shard + "/" + schema);
    if (state == null || state.version() != version) {
      var active = slot.held(version).orElse(null);
      if (active == null) {
        return CompletableFuture.failedFuture(
            new NotLoaded("version " + version + " of " + pipeline + " is not held here"));
      }
      ShardDetectors earlier = state;
      state = new ShardDetectors(version, active.runtime(), schema, shardCount);
      if (earlier != null) {
        state.takeOver(earlier);
      }
      shards.put(shard + "/" + schema, state);
    }
    if (boundsVersion != version) {
      bounds = new LocalBoundAdmission();
      boundsVersion = version;
    }
    return state.run(inputs).admit(bounds);
  }
}
