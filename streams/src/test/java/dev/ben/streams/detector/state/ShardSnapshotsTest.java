package dev.ben.streams.detector.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.config.DetectorSettings;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.playbook.LocalBoundAdmission;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.detector.DetectInput;
import dev.ben.streams.detector.ShardDetectors;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.testing.PingProject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard's state across versions, stops and starts, with writes run on the calling thread so each
 * step is complete when the next begins.
 */
class ShardSnapshotsTest {

  private static final String PIPELINE = "pings";
  private static final DetectorSettings SETTINGS =
      new DetectorSettings(
          4,
          256,
          4,
          Duration.ofSeconds(10),
          100,
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          1000,
          4,
          Duration.ofSeconds(30),
          64 * 1024,
          "state",
          DetectorSettings.Clock.WALL);

  @TempDir Path dir;
  private RocksIndex index;
  private ShardStateStore store;
  private final MetricsRegistry metrics = new MetricsRegistry();
  private final SnapshotCounts counts = new SnapshotCounts(metrics, PIPELINE);

  @BeforeEach
  void open() {
    index = RocksIndex.open(dir.resolve("index"));
    store = new RocksShardStateStore(index, SETTINGS.snapshotMaxBytes());
  }

  @AfterEach
  void close() {
    index.close();
  }

  private ShardSnapshots snapshots(ShardStateStore on) {
    return new ShardSnapshots(on, Runnable::run, SETTINGS, counts, PIPELINE, 2);
  }

  private static ShardDetectors state(long version, ContractSet contracts) {
    return new ShardDetectors(
        version, ContractRuntime.build(contracts, PIPELINE, new byte[32]), "ping", 4);
  }

  /** Runs one event of {@code user} per time and returns the last {@code per_user.seen}. */
  private static double seen(ShardDetectors state, String user, long... times) {
    List<DetectInput> inputs =
        java.util.Arrays.stream(times)
            .mapToObj(
                t ->
                    new DetectInput(
                        JsonNodeFactory.instance
                            .objectNode()
                            .put("id", "e" + t)
                            .put("user", user)
                            .put("n", 5),
                        List.of(),
                        List.of(),
                        Map.of(),
                        t))
            .toList();
    // The playbook's bound is not the point here: admit its candidates as one process would.
    var detections =
        state.run(inputs).admit(new LocalBoundAdmission()).toCompletableFuture().join();
    return detections.get(detections.size() - 1).detectors().get("per_user.seen");
  }

  private static ShardSnapshots.Written done(CompletionStage<ShardSnapshots.Written> write) {
    return write.toCompletableFuture().join();
  }

  @Test
  void aNewVersionKeepsTheCountOfAnUnchangedDetectorAndAChangedWindowStartsFresh() {
    ShardSnapshots snapshots = snapshots(store);
    ShardDetectors v1 = state(1, PingProject.detecting(PIPELINE));
    assertEquals(List.of(), snapshots.adopt(null, v1));
    assertEquals(3.0, seen(v1, "ann", 1000, 2000, 3000));

    ShardDetectors v2 = state(2, PingProject.detecting(PIPELINE, "5m", 20));
    snapshots.adopt(v1, v2);
    assertEquals(4.0, seen(v2, "ann", 4000), "3 -> 4: only a rule changed");
    assertEquals(1, counts.count(SnapshotCounts.RESTORED, SnapshotCounts.VERSION));

    snapshots.counted(4);
    done(snapshots.write(List.of(v2), SnapshotCounts.EVENTS, false).orElseThrow());
    assertEquals(1, store.load(PIPELINE, 2).size());
    ShardDetectors v3 = state(3, PingProject.detecting(PIPELINE, "10m", 20));
    snapshots.adopt(v2, v3);
    assertEquals(1.0, seen(v3, "ann", 5000), "the window changed: a fresh count");
    snapshots.counted(1);
    done(snapshots.write(List.of(v3), SnapshotCounts.INTERVAL, false).orElseThrow());
    assertEquals(
        v3.states().fingerprints(),
        store.load(PIPELINE, 2).keySet().stream()
            .map(StateKey::fingerprint)
            .collect(java.util.stream.Collectors.toSet()),
        "the retired detector's snapshot is deleted");
  }

  @Test
  void aShardStartedOverTheStoreContinuesTheCountOfTheOneThatStopped() {
    ShardSnapshots first = snapshots(store);
    ShardDetectors before = state(1, PingProject.detecting(PIPELINE));
    first.adopt(null, before);
    assertEquals(3.0, seen(before, "ann", 1000, 2000, 3000));
    first.counted(3);
    var written = done(first.write(List.of(before), SnapshotCounts.STOP, true).orElseThrow());
    assertEquals(1, written.written());

    ShardSnapshots second = snapshots(new RocksShardStateStore(index, 1024));
    second.loaded(second.load().toCompletableFuture().join());
    ShardDetectors after = state(1, PingProject.detecting(PIPELINE));
    assertEquals(List.of(), second.adopt(null, after));
    assertEquals(4.0, seen(after, "ann", 4000), "3 -> 4, not 1");
    assertEquals(1, counts.count(SnapshotCounts.WRITTEN, SnapshotCounts.STOP));
    assertEquals(1, counts.count(SnapshotCounts.RESTORED, SnapshotCounts.START));
  }

  @Test
  void aWriteIsDueAfterEnoughEventsAndNoneWhileNothingChanged() {
    ShardSnapshots snapshots = snapshots(store);
    ShardDetectors state = state(1, PingProject.detecting(PIPELINE));
    snapshots.adopt(null, state);
    assertTrue(snapshots.write(List.of(state), SnapshotCounts.INTERVAL, false).isEmpty());
    seen(state, "ann", 1000, 2000, 3000);
    assertEquals(false, snapshots.counted(3));
    seen(state, "bob", 4000);
    assertEquals(true, snapshots.counted(1), "every 4 events");
    assertEquals(4, counts.events(SnapshotCounts.DETECTED));
    assertEquals(0, counts.events(SnapshotCounts.SAVED), "detected, not yet in a snapshot");
    done(snapshots.write(List.of(state), SnapshotCounts.EVENTS, false).orElseThrow());
    assertEquals(4, counts.events(SnapshotCounts.SAVED), "the written snapshot holds all four");
    assertTrue(snapshots.write(List.of(state), SnapshotCounts.INTERVAL, false).isEmpty());
    assertEquals(1, counts.count(SnapshotCounts.WRITTEN, SnapshotCounts.EVENTS));
  }

  @Test
  void anUnreadableSnapshotIsCountedAndTheDetectorStartsFresh() {
    ShardDetectors probe = state(1, PingProject.detecting(PIPELINE));
    String fingerprint = probe.states().fingerprints().iterator().next();
    store.put(new StateKey(PIPELINE, 2, "ping", fingerprint), new byte[] {9, 9, 9});
    ShardSnapshots snapshots = snapshots(store);
    snapshots.loaded(snapshots.load().toCompletableFuture().join());
    ShardDetectors state = state(1, PingProject.detecting(PIPELINE));
    List<String> problems = snapshots.adopt(null, state);
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("format 9"), problems.get(0));
    assertEquals(1, counts.count(SnapshotCounts.FAILED, SnapshotCounts.UNREADABLE));
    assertEquals(1.0, seen(state, "ann", 1000));
  }

  @Test
  void aFailedReadOrWriteIsCountedAndDetectionGoesOn() {
    ShardStateStore broken =
        new ShardStateStore() {
          @Override
          public Map<StateKey, byte[]> load(String pipeline, int shard) {
            throw new IllegalStateException("disk gone");
          }

          @Override
          public Optional<byte[]> get(StateKey key) {
            throw new IllegalStateException("disk gone");
          }

          @Override
          public void put(StateKey key, byte[] snapshot) {
            throw new IllegalStateException("disk gone");
          }

          @Override
          public void delete(StateKey key) {}

          @Override
          public int maxValueBytes() {
            return 1024;
          }

          @Override
          public String describe() {
            return "broken";
          }
        };
    ShardSnapshots snapshots = snapshots(broken);
    assertTrue(snapshots.load().toCompletableFuture().isCompletedExceptionally());
    snapshots.loaded(null);
    ShardDetectors state = state(1, PingProject.detecting(PIPELINE));
    snapshots.adopt(null, state);
    assertEquals(2.0, seen(state, "ann", 1000, 2000));
    snapshots.counted(2);
    var written = done(snapshots.write(List.of(state), SnapshotCounts.STOP, true).orElseThrow());
    assertEquals(0, written.written());
    assertTrue(written.problems().get(0).contains("disk gone"), written.problems().toString());
    assertEquals(1, counts.count(SnapshotCounts.FAILED, SnapshotCounts.READ));
    assertEquals(1, counts.count(SnapshotCounts.FAILED, SnapshotCounts.WRITE));
    assertEquals(0, counts.events(SnapshotCounts.SAVED), "no event is saved by a failed write");
  }
}
