package dev.ben.streams.detector.state;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots in the node's own RocksDB index under {@code detector-state/<key>}: they outlive a
 * restart of this node, not a move of the shard to another one. Written without sync: a snapshot is
 * a copy of memory that the next one replaces, so losing the last one to a machine crash costs what
 * a process crash costs anyway.
 */
public final class RocksShardStateStore implements ShardStateStore {

  static final String PREFIX = "detector-state/";

  private final RocksIndex index;
  private final int maxValueBytes;

  public RocksShardStateStore(RocksIndex index, int maxValueBytes) {
    this.index = index;
    this.maxValueBytes = maxValueBytes;
  }

  @Override
  public Map<StateKey, byte[]> load(String pipeline, int shard) {
    String prefix = PREFIX + StateKey.shardPrefix(pipeline, shard);
    Map<StateKey, byte[]> found = new LinkedHashMap<>();
    for (var entry : index.scan(utf8(prefix), Integer.MAX_VALUE)) {
      String rest = new String(entry.getKey(), StandardCharsets.UTF_8).substring(prefix.length());
      found.put(StateKey.parse(pipeline, shard, rest), entry.getValue());
    }
    return found;
  }

  @Override
  public Optional<byte[]> get(StateKey key) {
    return index.get(utf8(PREFIX + key.path()));
  }

  @Override
  public void put(StateKey key, byte[] snapshot) {
    index.put(utf8(PREFIX + key.path()), snapshot);
  }

  @Override
  public void delete(StateKey key) {
    index.delete(utf8(PREFIX + key.path()));
  }

  @Override
  public int maxValueBytes() {
    return maxValueBytes;
  }

  @Override
  public String describe() {
    return "the node's RocksDB (" + PREFIX + ")";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
