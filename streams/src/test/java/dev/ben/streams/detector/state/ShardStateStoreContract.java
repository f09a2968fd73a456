package dev.ben.streams.detector.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every shard state store must do, run against RocksDB ({@code RocksShardStateStoreTest}) and
 * NATS ({@code NatsShardStateStoreIT} in the tests module, through the streams test jar; the test
 * methods are public for that reason).
 */
public abstract class ShardStateStoreContract {

  /** The bound stores are opened with; a store may take less (NATS: below max_payload). */
  protected static final int CONFIGURED_MAX = 2 << 20;

  protected ShardStateStore store;

  /** A fresh store for this test, on storage no other test uses, bounded by CONFIGURED_MAX. */
  protected abstract ShardStateStore create();

  /** Another store on the same storage, as the member a shard moved to (or a restart) opens it. */
  protected abstract ShardStateStore reopen();

  @BeforeEach
  void openStore() {
    store = create();
  }

  private static byte[] bytes(int size, int fill) {
    byte[] value = new byte[size];
    Arrays.fill(value, (byte) fill);
    return value;
  }

  @Test
  public void aShardWithoutSnapshotsLoadsNothing() {
    assertEquals(Map.of(), store.load("auth", 3));
  }

  @Test
  public void eachShardLoadsItsOwnSnapshotsOnly() {
    var mine = new StateKey("auth.eu-1", 1, "login", "aa01");
    var mineToo = new StateKey("auth.eu-1", 1, "logout", "bb02");
    store.put(mine, bytes(10, 1));
    store.put(mineToo, bytes(20, 2));
    store.put(new StateKey("auth.eu-1", 10, "login", "aa01"), bytes(30, 3));
    store.put(new StateKey("auth.eu-12", 1, "login", "aa01"), bytes(40, 4));
    store.put(new StateKey("auth", 1, "login", "aa01"), bytes(50, 5));
    Map<StateKey, byte[]> loaded = reopen().load("auth.eu-1", 1);
    assertEquals(Set.of(mine, mineToo), loaded.keySet());
    assertArrayEquals(bytes(10, 1), loaded.get(mine));
    assertArrayEquals(bytes(20, 2), loaded.get(mineToo));
  }

  @Test
  public void aPutReplacesTheSnapshotAndADeleteRemovesIt() {
    var key = new StateKey("auth", 0, "login", "cc03");
    store.put(key, bytes(5, 1));
    store.put(key, bytes(7, 9));
    assertArrayEquals(bytes(7, 9), reopen().load("auth", 0).get(key));
    store.delete(key);
    assertEquals(Map.of(), reopen().load("auth", 0));
  }

  @Test
  public void aSnapshotAsLargeAsTheStoreTakesIsKeptWhole() {
    int max = store.maxValueBytes();
    assertTrue(max > 0 && max <= CONFIGURED_MAX, "max " + max);
    var key = new StateKey("auth", 2, "login", "dd04");
    store.put(key, bytes(max, 7));
    assertArrayEquals(bytes(max, 7), reopen().load("auth", 2).get(key));
  }

  @Test
  public void oneSnapshotIsReadByItsKey() {
    var key = new StateKey("auth", 0, "login", "ee05");
    assertTrue(store.get(key).isEmpty());
    store.put(key, bytes(3, 4));
    assertArrayEquals(bytes(3, 4), reopen().get(key).orElseThrow());
  }

  @Test
  public void playbookBudgetsAreNoDetectorShardsSnapshots() {
    var budget = new StateKey("auth", StateKey.PLAYBOOK_BUDGETS, "playbook-budget", "logins");
    store.put(budget, bytes(2, 1));
    store.put(new StateKey("auth", 1, "login", "ff06"), bytes(2, 2));
    assertEquals(Set.of(budget), reopen().load("auth", StateKey.PLAYBOOK_BUDGETS).keySet());
    assertEquals(1, reopen().load("auth", 1).size());
    assertArrayEquals(bytes(2, 1), reopen().get(budget).orElseThrow());
  }
}
