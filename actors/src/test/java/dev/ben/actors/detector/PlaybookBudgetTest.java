package dev.ben.actors.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.ActorTestBase;
import dev.ben.contracts.engine.playbook.BoundAdmission;
import dev.ben.contracts.engine.playbook.BoundRequest;
import dev.ben.contracts.model.PlaybookBound;
import dev.ben.streams.detector.state.RocksShardStateStore;
import dev.ben.streams.detector.state.ShardStateStore;
import dev.ben.streams.detector.state.StateKey;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One playbook's budget, asked by several shards: the bound holds for all of them together, and
 * across a move (the budget stopped with its stop message and started again over the same store).
 * Every message between members is serialized as between members.
 */
class PlaybookBudgetTest extends ActorTestBase {

  private static final long MINUTE = 60_000;
  private static final String OK = BoundAdmission.ADMITTED;
  private static final String PIPELINE = "auth";
  private static final String PLAYBOOK = "lock/out";

  @TempDir Path dir;
  private RocksIndex index;
  private ShardStateStore store;
  private final MetricsRegistry metrics = new MetricsRegistry();

  PlaybookBudgetTest() {
    super(SERIALIZE_MESSAGES);
  }

  @BeforeEach
  void openStore() {
    index = RocksIndex.open(dir.resolve("state"));
    store = new RocksShardStateStore(index, 64 * 1024);
  }

  @AfterEach
  void closeStore() {
    // The budgets stop (and their writes end) before the store closes under them.
    testKit.shutdownTestKit();
    index.close();
  }

  private BudgetSnapshots snapshots() {
    return new BudgetSnapshots(
        store, testKit.system().executionContext(), metrics, PIPELINE, PLAYBOOK);
  }

  private ActorRef<PlaybookBudget.Command> spawnBudget() {
    return testKit.spawn(PlaybookBudget.create(snapshots(), 16));
  }

  private List<String> admit(
      ActorRef<PlaybookBudget.Command> budget, PlaybookBound bound, BoundRequest... requests) {
    // A fresh probe per ask: each stands for another shard, maybe on another member.
    TestProbe<PlaybookBudget.Admitted> caller = testKit.createTestProbe();
    budget.tell(new PlaybookBudget.Admit(bound, List.of(requests), caller.getRef()));
    return caller.receiveMessage().verdicts();
  }

  private void stop(ActorRef<PlaybookBudget.Command> budget) {
    TestProbe<Object> watcher = testKit.createTestProbe();
    budget.tell(new PlaybookBudget.Stop());
    watcher.expectTerminated(budget, Duration.ofSeconds(5));
  }

  @Test
  void atMostNPerWindowHoldsAcrossCallers() {
    var budget = spawnBudget();
    PlaybookBound three = new PlaybookBound(3, MINUTE, 0, List.of());
    String full = "rate: already fired 3 times in the last 60000 ms, counted across the cluster";
    assertEquals(
        List.of(OK, OK), admit(budget, three, new BoundRequest("", 0), new BoundRequest("", 10)));
    assertEquals(
        List.of(OK, full),
        admit(budget, three, new BoundRequest("", 20), new BoundRequest("", 30)));
    assertEquals(List.of(full), admit(budget, three, new BoundRequest("", 59_999)));
    assertEquals(
        List.of(OK), admit(budget, three, new BoundRequest("", 60_000)), "the first one left");
  }

  @Test
  void cooldownIsPerScopeAcrossCallers() {
    var budget = spawnBudget();
    PlaybookBound cooling = new PlaybookBound(0, 0, 5 * MINUTE, List.of("user"));
    assertEquals(List.of(OK), admit(budget, cooling, new BoundRequest("user=ann", 0)));
    assertEquals(
        List.of(
            OK,
            "cooldown: fired for user=ann 1000 ms ago, cooldown is 300000 ms, counted across the"
                + " cluster"),
        admit(
            budget,
            cooling,
            new BoundRequest("user=bob", 500),
            new BoundRequest("user=ann", 1000)));
    assertEquals(List.of(OK), admit(budget, cooling, new BoundRequest("user=ann", 5 * MINUTE)));
  }

  @Test
  void eachBoundKeepsItsStateWhileVersionsWithDifferentBoundsRunSideBySide() {
    var budget = spawnBudget();
    PlaybookBound one = new PlaybookBound(1, MINUTE, 0, List.of());
    PlaybookBound two = new PlaybookBound(2, MINUTE, 0, List.of());
    assertEquals(List.of(OK), admit(budget, one, new BoundRequest("", 0)));
    assertEquals(
        List.of(OK, OK), admit(budget, two, new BoundRequest("", 1), new BoundRequest("", 2)));
    assertEquals(
        List.of("rate: already fired 1 times in the last 60000 ms, counted across the cluster"),
        admit(budget, one, new BoundRequest("", 3)),
        "the old version's bound was not reset by the new one's");
  }

  @Test
  void aMovedBudgetResumesItsRateWindowAndCooldowns() {
    PlaybookBound bound = new PlaybookBound(3, MINUTE, 5 * MINUTE, List.of("user"));
    var before = spawnBudget();
    assertEquals(
        List.of(OK, OK, OK),
        admit(
            before,
            bound,
            new BoundRequest("user=ann", 0),
            new BoundRequest("user=bob", 10),
            new BoundRequest("user=cat", 20)));
    stop(before);

    var after = spawnBudget();
    assertEquals(
        List.of("rate: already fired 3 times in the last 60000 ms, counted across the cluster"),
        admit(after, bound, new BoundRequest("user=dan", 30)),
        "the fourth firing within the window is refused after the move");
    assertEquals(
        List.of(
            "cooldown: fired for user=ann 60000 ms ago, cooldown is 300000 ms, counted across the"
                + " cluster",
            OK),
        admit(
            after,
            bound,
            new BoundRequest("user=ann", 60_000),
            new BoundRequest("user=eve", 60_000)),
        "ann is still cooling down; the first firing left the window, so eve fires");
    assertEquals(1, snapshots().count(BudgetSnapshots.RESTORED, BudgetSnapshots.STARTED));
    assertTrue(snapshots().count(BudgetSnapshots.WRITTEN, BudgetSnapshots.RECORDED) >= 1);
  }

  @Test
  void aBoundThatChangedAcrossTheMoveStartsFresh() {
    var before = spawnBudget();
    PlaybookBound one = new PlaybookBound(1, MINUTE, 0, List.of());
    assertEquals(List.of(OK), admit(before, one, new BoundRequest("", 0)));
    stop(before);
    var after = spawnBudget();
    PlaybookBound two = new PlaybookBound(2, MINUTE, 0, List.of());
    assertEquals(
        List.of(OK, OK), admit(after, two, new BoundRequest("", 1), new BoundRequest("", 2)));
    assertEquals(
        List.of("rate: already fired 1 times in the last 60000 ms, counted across the cluster"),
        admit(after, one, new BoundRequest("", 3)),
        "the unchanged bound resumed");
  }

  @Test
  void anUnreadableStoredStateStartsEmptyAndIsCounted() {
    store.put(
        new StateKey(PIPELINE, StateKey.PLAYBOOK_BUDGETS, BudgetSnapshots.SCHEMA, "lock%2Fout"),
        new byte[] {9, 9, 9});
    var budget = spawnBudget();
    PlaybookBound one = new PlaybookBound(1, MINUTE, 0, List.of());
    assertEquals(List.of(OK), admit(budget, one, new BoundRequest("", 0)));
    assertEquals(1, snapshots().count(BudgetSnapshots.FAILED, BudgetSnapshots.UNREADABLE));
  }
}
