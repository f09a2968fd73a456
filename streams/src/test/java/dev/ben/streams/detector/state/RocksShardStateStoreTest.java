package dev.ben.streams.detector.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the node's RocksDB index, which outlives a restart of the node. */
class RocksShardStateStoreTest extends ShardStateStoreContract {

  @TempDir Path dir;
  private RocksIndex index;

  @Override
  protected ShardStateStore create() {
    index = RocksIndex.open(dir.resolve("index"));
    return new RocksShardStateStore(index, CONFIGURED_MAX);
  }

  @Override
  protected ShardStateStore reopen() {
    return new RocksShardStateStore(index, CONFIGURED_MAX);
  }

  @AfterEach
  void closeIndex() {
    index.close();
  }

  @Test
  void snapshotsOutliveTheProcessThatWroteThem() {
    var key = new StateKey("auth", 4, "login", "ee05");
    store.put(key, new byte[] {1, 2, 3});
    index.close();
    index = RocksIndex.open(dir.resolve("index"));
    assertArrayEquals(
        new byte[] {1, 2, 3}, new RocksShardStateStore(index, 10).load("auth", 4).get(key));
    assertEquals(10, new RocksShardStateStore(index, 10).maxValueBytes());
  }
}
