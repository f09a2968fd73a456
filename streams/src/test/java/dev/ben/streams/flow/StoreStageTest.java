package dev.ben.streams.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoreStageTest {

  private static ActorSystem system;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("store-stage-test");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  private static Envelope event(int n) {
    return new Envelope("id-" + n, "auth", "app", n, JsonNodeFactory.instance.objectNode().put("n", n));
  }

  @Test
  void batchesAreBoundedAndAFailingStoreIsRetriedWithoutLossOrDuplicates() {
    MetricsRegistry registry = new MetricsRegistry();
    StageCounters counters = new StageCounters(registry, "auth", "store");
    Set<String> stored = ConcurrentHashMap.newKeySet();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger largest = new AtomicInteger();
    BatchWriter flaky = batch -> {
      largest.accumulateAndGet(batch.size(), Math::max);
      if (calls.incrementAndGet() % 3 == 1) {
        throw new IllegalStateException("store unavailable");
      }
      batch.forEach(e -> stored.add(e.eventId()));
    };
    List<Envelope> events = IntStream.range(0, 1000).mapToObj(StoreStageTest::event).toList();
    Source.from(events).runWith(
        StoreStage.sink(counters, 100, Duration.ofMillis(50), flaky, Executors.newSingleThreadExecutor(), system),
        system);
    new TestKit(system).awaitCond(Duration.ofSeconds(30), () -> counters.total(Outcome.STORED) == 1000);
    assertEquals(1000, stored.size());
    assertTrue(largest.get() <= 100);
    assertTrue(registry.value("ben_store_write_failures_total", Labels.of("pipeline", "auth")) >= 1);
    assertEquals(1000, counters.total(Outcome.ACCEPTED));
  }
}
