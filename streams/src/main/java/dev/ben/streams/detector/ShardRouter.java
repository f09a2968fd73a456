package dev.ben.streams.detector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.event.Event;
import java.util.List;

/**
 * Picks the shard of an event from the fields every detector of its schema is keyed by, so all of
 * one key's state lives in one shard. The redacted values are hashed: detectors key by them too, so
 * a redacted key field still keeps each key whole. Events without a shard key (or missing a key
 * field) go to shard 0.
 */
public final class ShardRouter {

  private ShardRouter() {}

  public static int shardOf(ObjectNode event, List<String> keyFields, int shards) {
    return shardOf(null, event, keyFields, shards);
  }

  /**
   * The same shard, with the key read from {@code typed}, the event {@code body} stands for, where
   * it can be (see {@link FieldText}); null to read the body.
   */
  public static int shardOf(Event typed, ObjectNode body, List<String> keyFields, int shards) {
    if (shards <= 1 || keyFields.isEmpty()) {
      return 0;
    }
    int hash = 1;
    for (String field : keyFields) {
      String value = FieldText.of(typed, body, field);
      if (value == null) {
        return 0;
      }
      hash = 31 * hash + value.hashCode();
    }
    // Spread the bits first: String hashes of similar keys differ mostly in their low bits.
    hash ^= hash >>> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >>> 13;
    return Math.floorMod(hash, shards);
  }
}
