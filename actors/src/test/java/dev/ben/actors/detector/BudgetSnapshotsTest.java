package dev.ben.actors.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.engine.playbook.BoundAdmission;
import dev.ben.contracts.engine.playbook.BoundRequest;
import dev.ben.contracts.model.PlaybookBound;
import dev.ben.streams.detector.state.ShardStateStore;
import dev.ben.streams.detector.state.StateKey;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When a budget's state is written, without actors: one write at a time, the rest folded. */
class BudgetSnapshotsTest {

  private static final PlaybookBound ONE = new PlaybookBound(1, 60_000, 0, List.of());

  /** Runs what it is given only when told to, as a busy disk would. */
  private final List<Runnable> queued = new ArrayList<>();

  private final Executor io = queued::add;
  private final Map<StateKey, byte[]> stored = new HashMap<>();
  private final MetricsRegistry metrics = new MetricsRegistry();
  private final List<String> problems = new ArrayList<>();
  private boolean broken;
  private int maxBytes = 1024;

  private final ShardStateStore store =
      new ShardStateStore() {
        @Override
        public Map<StateKey, byte[]> load(String pipeline, int shard) {
          return Map.of();
        }

        @Override
        public Optional<byte[]> get(StateKey key) {
          return Optional.ofNullable(stored.get(key));
        }

        @Override
        public void put(StateKey key, byte[] snapshot) {
          if (broken) {
            throw new IllegalStateException("disk gone");
          }
          stored.put(key, snapshot);
        }

        @Override
        public void delete(StateKey key) {}

        @Override
        public int maxValueBytes() {
          return maxBytes;
        }

        @Override
        public String describe() {
          return "in memory";
        }
      };

  private final BudgetSnapshots snapshots =
      new BudgetSnapshots(store, io, metrics, "auth", "lockout");

  private void runQueued() {
    List<Runnable> now = List.copyOf(queued);
    queued.clear();
    now.forEach(Runnable::run);
  }

  private Throwable outcome(CompletionStage<Void> write) {
    runQueued();
    return write.toCompletableFuture().handle((done, failure) -> failure).join();
  }

  @Test
  void aWriteDueWhileOneIsUnderWayIsFoldedIntoTheNext() {
    AtomicInteger taken = new AtomicInteger();
    snapshots.changed();
    var first = snapshots.next(() -> new byte[] {(byte) taken.incrementAndGet()}, this::problem);
    assertTrue(first.isPresent());
    snapshots.changed();
    snapshots.changed();
    assertTrue(snapshots.next(() -> new byte[] {9}, this::problem).isEmpty(), "one at a time");
    assertEquals(1, taken.get());
    snapshots.written(outcome(first.get()));
    assertTrue(!snapshots.idle(), "the later changes are still due");
    var second = snapshots.next(() -> new byte[] {(byte) taken.incrementAndGet()}, this::problem);
    snapshots.written(outcome(second.orElseThrow()));
    assertTrue(snapshots.idle());
    assertEquals(2, taken.get(), "two changes while writing made one more write");
    assertEquals(2, snapshots.count(BudgetSnapshots.WRITTEN, BudgetSnapshots.RECORDED));
  }

  @Test
  void aFailedWriteIsCountedAndTheNextChangeIsWrittenAgain() {
    broken = true;
    snapshots.changed();
    Throwable failure = outcome(snapshots.next(() -> new byte[] {1}, this::problem).orElseThrow());
    snapshots.written(failure);
    assertTrue(failure != null);
    assertEquals(1, snapshots.count(BudgetSnapshots.FAILED, BudgetSnapshots.WRITE));
    assertTrue(snapshots.idle());
    broken = false;
    snapshots.changed();
    snapshots.written(outcome(snapshots.next(() -> new byte[] {2}, this::problem).orElseThrow()));
    assertEquals(1, stored.size());
  }

  @Test
  void aStateOverTheStoresBoundIsNotWrittenButCounted() {
    maxBytes = 1;
    snapshots.changed();
    assertTrue(snapshots.next(() -> new byte[] {1, 2}, this::problem).isEmpty());
    assertEquals(1, snapshots.count(BudgetSnapshots.FAILED, BudgetSnapshots.TOO_LARGE));
    assertEquals(1, problems.size());
    assertTrue(snapshots.idle());
  }

  @Test
  void aFailedReadStartsEmptyAndIsCounted() {
    BudgetState state =
        snapshots.restored(null, new IllegalStateException("disk gone"), this::problem);
    assertEquals(
        List.of(BoundAdmission.ADMITTED),
        state.admit(ONE, List.of(new BoundRequest("", 0))).verdicts());
    assertEquals(1, snapshots.count(BudgetSnapshots.FAILED, BudgetSnapshots.READ));
    assertEquals(1, problems.size());
  }

  @Test
  void whatWasWrittenIsReadBack() {
    BudgetState state = new BudgetState();
    state.admit(ONE, List.of(new BoundRequest("", 0)));
    snapshots.changed();
    snapshots.written(outcome(snapshots.next(state::snapshot, this::problem).orElseThrow()));
    var load = snapshots.load();
    runQueued();
    BudgetState back = snapshots.restored(load.toCompletableFuture().join(), null, this::problem);
    assertEquals(
        List.of("rate: already fired 1 times in the last 60000 ms, counted across the cluster"),
        back.admit(ONE, List.of(new BoundRequest("", 1))).verdicts());
    assertEquals(1, snapshots.count(BudgetSnapshots.RESTORED, BudgetSnapshots.STARTED));
  }

  private void problem(String what, Throwable failure) {
    problems.add(what);
  }
}
