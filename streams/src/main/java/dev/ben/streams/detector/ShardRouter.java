package dev.ben.streams.detector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    if (shards <= 1 || keyFields.isEmpty()) {
      return 0;
    }
    int hash = 1;
    for (String field : keyFields) {
      JsonNode value = event.get(field);
      if (value == null || value.isNull()) {
        return 0;
      }
      hash =
          31 * hash
              + (value.isTextual() ? value.textValue().hashCode() : value.toString().hashCode());
    }
    // Spread the bits first: String hashes of similar keys differ mostly in their low bits.
    hash ^= hash >>> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >>> 13;
    return Math.floorMod(hash, shards);
  }
}
