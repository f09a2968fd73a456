package dev.ben.actors.detector;

import dev.ben.streams.detector.state.ShardStateStore;
import dev.ben.streams.detector.state.StateKey;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Where and when one playbook budget's state is written, without actors. It is read once as the
 * budget starts and written after each admission that recorded a firing, one write at a time on
 * {@code io}: a write due while one is under way is folded into the next, which snapshots the state
 * as it is then. Failures are counted in {@value #FAMILY} and reported to the owner for its log;
 * admission goes on without them (a failed read starts the budget empty). Not thread-safe: one
 * owner.
 */
final class BudgetSnapshots {

  static final String FAMILY = "ben_playbook_budget_snapshots_total";
  private static final String HELP =
      "Playbook budget state snapshots written, restored and failed.";

  static final String WRITTEN = "written";
  static final String RESTORED = "restored";
  static final String FAILED = "failed";
  static final String READ = "read failed";
  static final String WRITE = "write failed";
  static final String UNREADABLE = "unreadable snapshot";
  static final String TOO_LARGE = "over the size bound";
  static final String STARTED = "budget started";
  static final String RECORDED = "firing recorded";

  static final String SCHEMA = "playbook-budget";

  private final ShardStateStore store;
  private final Executor io;
  private final MetricsRegistry metrics;
  private final String pipeline;
  private final String playbook;
  private final StateKey key;
  private boolean writing;
  private boolean due;

  BudgetSnapshots(
      ShardStateStore store,
      Executor io,
      MetricsRegistry metrics,
      String pipeline,
      String playbook) {
    this.store = store;
    this.io = io;
    this.metrics = metrics;
    this.pipeline = pipeline;
    this.playbook = playbook;
    // A playbook name may hold a slash, which a key part may not.
    this.key =
        new StateKey(
            pipeline,
            StateKey.PLAYBOOK_BUDGETS,
            SCHEMA,
            URLEncoder.encode(playbook, StandardCharsets.UTF_8));
  }

  /** Reads the stored snapshot on {@code io}; hand the outcome to {@link #restored}. */
  CompletionStage<Optional<byte[]>> load() {
    return CompletableFuture.supplyAsync(() -> store.get(key), io);
  }

  /**
   * The state to start from: the stored one, or empty when there is none or it cannot be read
   * (counted, and thrown to the owner's log through {@code problem}).
   */
  BudgetState restored(Optional<byte[]> found, Throwable failure, Problems problem) {
    if (failure != null) {
      add(FAILED, READ);
      problem.report("reading the playbook budget's state failed; it starts empty", failure);
      return new BudgetState();
    }
    if (found.isEmpty()) {
      return new BudgetState();
    }
    try {
      BudgetState state = BudgetState.restore(found.get());
      add(RESTORED, STARTED);
      return state;
    } catch (IOException | RuntimeException unreadable) {
      add(FAILED, UNREADABLE);
      problem.report(
          "the playbook budget's stored state is unreadable; it starts empty", unreadable);
      return new BudgetState();
    }
  }

  /** Marks the state changed; {@link #next} writes it. */
  void changed() {
    due = true;
  }

  /**
   * The write to make now, when one is due and none is under way: the snapshot is taken here, on
   * the owner's thread, and put on {@code io}. Hand its outcome to {@link #written}. A snapshot
   * over the store's bound is not written (counted and reported).
   */
  Optional<CompletionStage<Void>> next(Supplier<byte[]> snapshot, Problems problem) {
    if (writing || !due) {
      return Optional.empty();
    }
    due = false;
    byte[] bytes = snapshot.get();
    if (bytes.length > store.maxValueBytes()) {
      add(FAILED, TOO_LARGE);
      problem.report(
          "the playbook budget's state is "
              + bytes.length
              + " bytes, over the store's bound of "
              + store.maxValueBytes()
              + "; it is not written",
          null);
      return Optional.empty();
    }
    writing = true;
    return Optional.of(CompletableFuture.runAsync(() -> store.put(key, bytes), io));
  }

  /** The write under way ended (failure: null when it succeeded; a failure is counted). */
  void written(Throwable failure) {
    writing = false;
    add(failure == null ? WRITTEN : FAILED, failure == null ? RECORDED : WRITE);
  }

  /** Nothing under way and nothing due: the stored state is the budget's. */
  boolean idle() {
    return !writing && !due;
  }

  long count(String outcome, String reason) {
    return metrics.value(FAMILY, labels(outcome, reason));
  }

  private void add(String outcome, String reason) {
    metrics.counter(FAMILY, HELP, labels(outcome, reason)).inc(1);
  }

  private Labels labels(String outcome, String reason) {
    return Labels.of(
        "pipeline", pipeline, "playbook", playbook, "outcome", outcome, "reason", reason);
  }

  /** Where a failure goes for the owner's log. */
  interface Problems {
    void report(String what, Throwable failure);
  }
}
