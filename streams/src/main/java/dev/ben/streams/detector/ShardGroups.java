package dev.ben.streams.detector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A detector round's events grouped by contract version, schema and shard, each group holding its
 * events in round order and the groups in the order each first appeared: what goes to each shard in
 * one message. Found by index, not by a key made per event; a round nearly always holds one version
 * and schema, so finding their groups is one comparison.
 */
final class ShardGroups {

  /** The events of one version, schema and shard of the round, in order. */
  static final class Group {

    final long version;
    final String schema;
    final int shard;
    final List<DetectInput> inputs = new ArrayList<>();
    private int[] positions = new int[8];

    private Group(long version, String schema, int shard) {
      this.version = version;
      this.schema = schema;
      this.shard = shard;
    }

    void add(int position, DetectInput input) {
      int size = inputs.size();
      if (size == positions.length) {
        positions = Arrays.copyOf(positions, size * 2);
      }
      positions[size] = position;
      inputs.add(input);
    }

    int size() {
      return inputs.size();
    }

    /** The round position of the group's {@code k}-th event. */
    int position(int k) {
      return positions[k];
    }
  }

  /** The groups of one version and schema, by shard. */
  private record ByShard(long version, String schema, Group[] groups) {}

  private final int shardCount;
  private final List<Group> inOrder = new ArrayList<>();
  private final List<ByShard> byVersionAndSchema = new ArrayList<>(1);
  private ByShard last;

  ShardGroups(int shardCount) {
    this.shardCount = Math.max(1, shardCount);
  }

  /** The group of this version, schema and shard, made when first asked for. */
  Group of(long version, String schema, int shard) {
    ByShard byShard = last;
    if (byShard == null || byShard.version() != version || !byShard.schema().equals(schema)) {
      byShard = find(version, schema);
      last = byShard;
    }
    Group group = byShard.groups()[shard];
    if (group == null) {
      group = new Group(version, schema, shard);
      byShard.groups()[shard] = group;
      inOrder.add(group);
    }
    return group;
  }

  /** Every group, in the order each first appeared in the round. */
  List<Group> inOrder() {
    return inOrder;
  }

  private ByShard find(long version, String schema) {
    for (ByShard byShard : byVersionAndSchema) {
      if (byShard.version() == version && byShard.schema().equals(schema)) {
        return byShard;
      }
    }
    ByShard made = new ByShard(version, schema, new Group[shardCount]);
    byVersionAndSchema.add(made);
    return made;
  }
}
