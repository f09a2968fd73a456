package dev.ben.streams.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.metrics.StageLatency;
import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreStageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DRAIN = Duration.ofMillis(50);
  private static ActorSystem system;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("store-stage-test");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  private static Envelope event(int n) {
    return new Envelope(
        "id-" + n, "auth", "app", n, JsonNodeFactory.instance.objectNode().put("n", n));
  }

  /** A store stage under test: its stream, and the executor its writes and drains run on. */
  private record Running(UniqueKillSwitch stream, ExecutorService blocking) {

    /**
     * Stops the stream and waits until the stage's last write or drain has returned. Killing the
     * stream does not wait for the batch the stage is handling, and the stage counts a batch stored
     * before it takes it out of the spill buffer, and times it after that: only once that work has
     * returned are the counters, the spill buffer and the timings final, and is the spill buffer
     * free for another stage (it is used by one stage at a time).
     */
    void stop() throws InterruptedException {
      stream.shutdown();
      blocking.shutdown();
      assertTrue(
          blocking.awaitTermination(30, TimeUnit.SECONDS), "the stage's last batch returned");
    }
  }

  /**
   * Runs the events into a store stage and keeps the stream open (a pipeline does not end), until
   * stopped.
   */
  private Running run(
      List<Envelope> events, StageCounters counters, BatchWriter writer, SpillBuffer spill) {
    ExecutorService blocking = Executors.newSingleThreadExecutor();
    UniqueKillSwitch stream =
        Source.from(events)
            .concat(Source.maybe())
            .viaMat(KillSwitches.single(), Keep.right())
            .to(
                StoreStage.sink(
                    counters,
                    100,
                    Duration.ofMillis(20),
                    DRAIN,
                    writer,
                    spill,
                    Settlement.NONE,
                    blocking))
            .run(system);
    return new Running(stream, blocking);
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    new TestKit(system).awaitCond(Duration.ofSeconds(30), condition::getAsBoolean);
  }

  @Test
  void batchesTheStoreRefusesWaitOnDiskAndAreWrittenOnceItTakesThemWithoutLossOrDuplicates()
      throws Exception {
    MetricsRegistry registry = new MetricsRegistry();
    StageCounters counters = new StageCounters(registry, "auth", "store");
    Map<String, Integer> writes = new ConcurrentHashMap<>();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger largest = new AtomicInteger();
    BatchWriter flaky =
        batch -> {
          largest.accumulateAndGet(batch.size(), Math::max);
          if (calls.incrementAndGet() % 3 == 1) {
            throw new IllegalStateException("store unavailable");
          }
          batch.forEach(e -> writes.merge(e.eventId(), 1, Integer::sum));
        };
    try (RocksIndex index = RocksIndex.open(dir)) {
      SpillBuffer spill = new SpillBuffer(index, "auth", 1 << 24, JSON);
      Running running =
          run(
              IntStream.range(0, 1000).mapToObj(StoreStageTest::event).toList(),
              counters,
              flaky,
              spill);
      await(() -> counters.total(Outcome.STORED) == 1000);
      // The last drained batch is counted stored before it leaves the spill buffer.
      running.stop();
      assertEquals(1000, writes.size());
      assertTrue(writes.values().stream().allMatch(count -> count == 1), "no event written twice");
      assertTrue(largest.get() <= 100);
      assertTrue(counters.total(Outcome.SPILLED) >= 100, "a refused batch waited on disk");
      assertTrue(
          registry.value("ben_store_write_failures_total", Labels.of("pipeline", "auth")) >= 1);
      assertEquals(1000, counters.total(Outcome.ACCEPTED));
      assertTrue(spill.isEmpty());
      long batches =
          registry.value(StageLatency.FAMILY, Labels.of("pipeline", "auth", "stage", "store"));
      assertTrue(batches >= 10 && batches <= 1000, batches + " batches timed, one per new batch");
    }
  }

  @Test
  void beyondTheSpillBoundBatchesAreRefusedAndCounted() throws Exception {
    StageCounters counters = new StageCounters(new MetricsRegistry(), "auth", "store");
    try (RocksIndex index = RocksIndex.open(dir)) {
      SpillBuffer spill = new SpillBuffer(index, "auth", 20_000, JSON);
      Running running =
          run(
              IntStream.range(0, 1000).mapToObj(StoreStageTest::event).toList(),
              counters,
              batch -> {
                throw new IllegalStateException("store down");
              },
              spill);
      await(() -> counters.total(Outcome.SPILLED) + counters.total(Outcome.REFUSED) == 1000);
      running.stop();
      assertTrue(counters.value(Outcome.REFUSED, StoreStage.SPILL_FULL) > 0);
      assertTrue(counters.total(Outcome.SPILLED) > 0);
      assertTrue(spill.bytes() <= 20_000);
      assertEquals(0, counters.total(Outcome.STORED));
    }
  }

  @Test
  void spilledBatchesSurviveARestartAndDrainWhenTheStoreIsBack() throws Exception {
    AtomicBoolean storeUp = new AtomicBoolean(false);
    Map<String, Integer> writes = new ConcurrentHashMap<>();
    BatchWriter store =
        batch -> {
          if (!storeUp.get()) {
            throw new IllegalStateException("store down");
          }
          batch.forEach(e -> writes.merge(e.eventId(), 1, Integer::sum));
        };
    try (RocksIndex index = RocksIndex.open(dir)) {
      StageCounters before = new StageCounters(new MetricsRegistry(), "auth", "store");
      Running first =
          run(
              IntStream.range(0, 250).mapToObj(StoreStageTest::event).toList(),
              before,
              store,
              new SpillBuffer(index, "auth", 1 << 24, JSON));
      await(() -> before.total(Outcome.SPILLED) == 250);
      // The first stage is gone before the store comes back: a drain of the first stage still
      // under way would write (and remove) batches beside the second stage.
      first.stop();

      SpillBuffer reopened = new SpillBuffer(index, "auth", 1 << 24, JSON);
      assertFalse(reopened.isEmpty(), "the spilled batches are still on disk");
      storeUp.set(true);
      StageCounters after = new StageCounters(new MetricsRegistry(), "auth", "store");
      Running second = run(List.of(), after, store, reopened);
      await(() -> after.total(Outcome.STORED) == 250);
      // The last drained batch is counted stored before it leaves the spill buffer.
      second.stop();
      assertEquals(250, writes.size());
      assertEquals(1, writes.get("id-3"));
      assertTrue(reopened.isEmpty());
    }
  }

  @Test
  void handedOverBatchesAreWrittenInOrderInTheStoresBatchesOfAtMostItsSize() throws Exception {
    StageCounters counters = new StageCounters(new MetricsRegistry(), "auth", "store");
    List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicInteger largest = new AtomicInteger();
    List<Envelope> all = IntStream.range(0, 260).mapToObj(StoreStageTest::event).toList();
    try (RocksIndex index = RocksIndex.open(dir)) {
      ExecutorService blocking = Executors.newSingleThreadExecutor();
      Running running =
          new Running(
              Source.from(List.of(all.subList(0, 3), all.subList(3, 253), all.subList(253, 260)))
                  .concat(Source.maybe())
                  .viaMat(KillSwitches.single(), Keep.right())
                  .to(
                      StoreStage.batchesAcceptedUpstream(
                          new StoreStage.Batching(100, Duration.ofMillis(20), DRAIN),
                          counters,
                          batch -> {
                            largest.accumulateAndGet(batch.size(), Math::max);
                            batch.forEach(e -> written.add(e.eventId()));
                          },
                          new SpillBuffer(index, "auth", 1 << 20, JSON),
                          Settlement.NONE,
                          blocking))
                  .run(system),
              blocking);
      await(() -> counters.total(Outcome.STORED) == 260);
      // No drain may touch the index after it is closed.
      running.stop();
    }
    assertEquals(all.stream().map(Envelope::eventId).toList(), written);
    assertEquals(100, largest.get(), "no write larger than the store's batch size");
  }
}
