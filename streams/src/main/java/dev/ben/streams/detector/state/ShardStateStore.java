package dev.ben.streams.detector.state;

import java.util.Map;
import java.util.Optional;

/**
 * Where detector shards and playbook budgets keep their snapshots. Calls block (disk or network):
 * make them off the actor's thread. Implementations are thread-safe.
 */
public interface ShardStateStore {

  /** Every snapshot of one shard of one pipeline, whatever its schema and fingerprint. */
  Map<StateKey, byte[]> load(String pipeline, int shard);

  /** One snapshot, when stored. */
  Optional<byte[]> get(StateKey key);

  void put(StateKey key, byte[] snapshot);

  void delete(StateKey key);

  /** The largest snapshot this store takes in one value. */
  int maxValueBytes();

  /** Where the snapshots are, for logs. */
  String describe();
}
