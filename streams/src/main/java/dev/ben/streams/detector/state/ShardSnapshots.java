package dev.ben.streams.detector.state;

import static dev.ben.streams.detector.state.SnapshotCounts.FAILED;
import static dev.ben.streams.detector.state.SnapshotCounts.RESTORED;

import dev.ben.config.DetectorSettings;
import dev.ben.contracts.engine.DetectorSnapshot;
import dev.ben.contracts.engine.detect.SnapshotFormatException;
import dev.ben.streams.detector.ShardDetectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * When and what one detector shard snapshots, without actors. Snapshots are taken on the owner's
 * thread (the state is not thread-safe) and written on {@code io}, one write after the other; a
 * write is due after {@code snapshot-every-events} events, and the owner also asks every {@code
 * snapshot-interval} and when it stops. The shard's stored snapshots are read once as it starts;
 * each (version, schema) state built afterwards either takes over the previous version's state of
 * its unchanged detectors or, when there is none, reads its detectors' snapshots by fingerprint.
 * Failures are counted and reported to the owner for its log; detection goes on without the
 * snapshot. What a crash loses is at most the events since the last written snapshot, and what a
 * move loses nothing when the stop's write succeeds. Not thread-safe: one owner.
 */
public final class ShardSnapshots {

  /** What one write did, with a line per problem for the owner's log. */
  public record Written(int written, int trimmed, List<String> problems) {}

  private final ShardStateStore store;
  private final Executor io;
  private final DetectorSettings settings;
  private final SnapshotCounts counts;
  private final String pipeline;
  private final int shard;
  private final Map<StateKey, byte[]> stored = new HashMap<>();
  private final Set<StateKey> retired = new LinkedHashSet<>();
  private long eventsSince;
  private CompletableFuture<Written> lastWrite = CompletableFuture.completedFuture(null);

  public ShardSnapshots(
      ShardStateStore store,
      Executor io,
      DetectorSettings settings,
      SnapshotCounts counts,
      String pipeline,
      int shard) {
    this.store = store;
    this.io = io;
    this.settings = settings;
    this.counts = counts;
    this.pipeline = pipeline;
    this.shard = shard;
  }

  public Duration interval() {
    return settings.snapshotInterval();
  }

  /** Reads the shard's stored snapshots on {@code io}; hand the result to {@link #loaded}. */
  public CompletionStage<Map<StateKey, byte[]>> load() {
    return CompletableFuture.supplyAsync(() -> store.load(pipeline, shard), io);
  }

  /** Keeps what was read (null: the read failed, counted; the shard starts fresh). */
  public void loaded(Map<StateKey, byte[]> found) {
    if (found == null) {
      counts.add(FAILED, SnapshotCounts.READ, 1);
    } else {
      stored.putAll(found);
    }
  }

  /**
   * Fills a (version, schema) state just built: from {@code earlier} (the shard's state for the
   * same schema at another version, or null) for each unchanged detector, else from the stored
   * snapshots. Returns a line per snapshot that could not be read.
   */
  public List<String> adopt(ShardDetectors earlier, ShardDetectors fresh) {
    for (String fingerprint : fresh.states().fingerprints()) {
      retired.remove(key(fresh.schema(), fingerprint));
    }
    if (earlier != null) {
      Set<String> carried = fresh.takeOver(earlier);
      counts.add(RESTORED, SnapshotCounts.VERSION, carried.size());
      for (String fingerprint : earlier.states().fingerprints()) {
        if (!fresh.states().fingerprints().contains(fingerprint)) {
          retired.add(key(earlier.schema(), fingerprint));
        }
      }
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (String fingerprint : fresh.states().fingerprints()) {
      byte[] snapshot = stored.remove(key(fresh.schema(), fingerprint));
      if (snapshot == null) {
        continue;
      }
      try {
        fresh.states().restore(fingerprint, snapshot);
        counts.add(RESTORED, SnapshotCounts.START, 1);
      } catch (SnapshotFormatException e) {
        counts.add(FAILED, SnapshotCounts.UNREADABLE, 1);
        problems.add(
            "the snapshot of detector "
                + fresh.states().detectorName(fingerprint)
                + " at "
                + key(fresh.schema(), fingerprint).path()
                + " was not restored, the detector starts fresh: "
                + e.getMessage());
      }
    }
    return problems;
  }

  /** Counts a round's events; true when a snapshot is due by count and no write is under way. */
  public boolean counted(int events) {
    eventsSince += events;
    counts.events(SnapshotCounts.DETECTED, events);
    return eventsSince >= settings.snapshotEveryEvents() && lastWrite.isDone();
  }

  /**
   * Snapshots every state now and writes them (and deletes the snapshots of detectors the shard no
   * longer has) on {@code io}, after any write under way. Empty when nothing changed since the last
   * snapshot, or when a write is under way and this is not the last one ({@code stopping}).
   */
  public Optional<CompletionStage<Written>> write(
      Collection<ShardDetectors> states, String reason, boolean stopping) {
    if ((eventsSince == 0 && retired.isEmpty()) || (!stopping && !lastWrite.isDone())) {
      return Optional.empty();
    }
    Map<StateKey, DetectorSnapshot> taken = new HashMap<>();
    for (ShardDetectors state : states) {
      for (String fingerprint : state.states().fingerprints()) {
        taken.put(
            key(state.schema(), fingerprint),
            state.states().snapshot(fingerprint, store.maxValueBytes()));
      }
    }
    List<StateKey> deletes = List.copyOf(retired);
    retired.clear();
    long covered = eventsSince;
    eventsSince = 0;
    lastWrite =
        lastWrite
            .handle((previous, failure) -> taken)
            .thenApplyAsync(snapshots -> store(snapshots, deletes, reason, covered), io);
    return Optional.of(lastWrite);
  }

  /**
   * Writes the snapshots; when every one was written, the {@code covered} events detected since the
   * previous snapshot are counted as saved.
   */
  private Written store(
      Map<StateKey, DetectorSnapshot> snapshots,
      List<StateKey> deletes,
      String reason,
      long covered) {
    List<String> problems = new ArrayList<>();
    int written = 0;
    int trimmed = 0;
    for (Map.Entry<StateKey, DetectorSnapshot> entry : snapshots.entrySet()) {
      DetectorSnapshot snapshot = entry.getValue();
      try {
        store.put(entry.getKey(), snapshot.bytes());
        written++;
      } catch (RuntimeException e) {
        counts.add(FAILED, SnapshotCounts.WRITE, 1);
        problems.add("writing " + entry.getKey().path() + " failed: " + e.getMessage());
        continue;
      }
      if (snapshot.keysLeftOut() > 0) {
        trimmed++;
        problems.add(
            "the snapshot of detector "
                + snapshot.detector()
                + " left out its "
                + snapshot.keysLeftOut()
                + " least recently used keys to fit in "
                + store.maxValueBytes()
                + " bytes");
      }
    }
    for (StateKey key : deletes) {
      try {
        store.delete(key);
      } catch (RuntimeException e) {
        problems.add("deleting " + key.path() + " failed: " + e.getMessage());
      }
    }
    counts.add(SnapshotCounts.WRITTEN, reason, written);
    if (written == snapshots.size()) {
      counts.events(SnapshotCounts.SAVED, covered);
    }
    counts.add(SnapshotCounts.TRIMMED, SnapshotCounts.TOO_LARGE, trimmed);
    return new Written(written, trimmed, problems);
  }

  private StateKey key(String schema, String fingerprint) {
    return new StateKey(pipeline, shard, schema, fingerprint);
  }
}
