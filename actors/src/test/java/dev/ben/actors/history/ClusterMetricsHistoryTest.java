package dev.ben.actors.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.ActorTestBase;
import dev.ben.actors.testing.Await;
import dev.ben.bux.HistoryView;
import dev.ben.config.HistorySettings;
import dev.ben.streams.history.MetricsSampler;
import dev.ben.streams.metrics.MetricsRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.Test;

/**
 * The gateway's history port over the receptionist: a keeper that answers and one that never does
 * (a probe registered under the keepers' key).
 */
class ClusterMetricsHistoryTest extends ActorTestBase {

  private static final HistorySettings SETTINGS =
      new HistorySettings(Duration.ofHours(1), 10, 100, Duration.ofMillis(300));
  private static final Clock NOW = Clock.fixed(Instant.ofEpochMilli(9000), ZoneOffset.UTC);

  ClusterMetricsHistoryTest() {
    super(SERIALIZE_MESSAGES);
  }

  @Test
  void aNodeThatDoesNotAnswerIsListedAndTheOthersPointsStillCome() {
    testKit.spawn(
        HistoryKeeper.create(
            "node-a", SETTINGS, MetricsSampler.forNode(new MetricsRegistry(), 100), NOW));
    TestProbe<HistoryKeeper.Command> silent = testKit.createTestProbe();
    testKit.system().receptionist().tell(Receptionist.register(HistoryKeeper.KEY, silent.getRef()));
    ClusterMetricsHistory history = new ClusterMetricsHistory(testKit.system(), SETTINGS, NOW);

    AtomicReference<HistoryView> seen = new AtomicReference<>();
    Await.until(
        () -> {
          seen.set(history.since(0, Set.of()).toCompletableFuture().join());
          return seen.get().nodes().size() == 2;
        },
        () -> "both registered keepers are asked, seen " + seen.get(),
        Duration.ofSeconds(10));
    HistoryView view = seen.get();

    assertEquals(9000, view.at());
    assertEquals(Duration.ofHours(1).toMillis(), view.intervalMs());
    HistoryView.Node answered =
        view.nodes().stream().filter(n -> n.node().equals("node-a")).findFirst().orElseThrow();
    assertEquals(1, answered.points());
    HistoryView.Node missing =
        view.nodes().stream().filter(n -> n.failure().isPresent()).findFirst().orElseThrow();
    assertEquals("did not answer within 300 ms", missing.failure().get());
    assertTrue(missing.node().startsWith("pekko://"), missing.node());
    assertEquals(1, view.points().size());
    assertEquals("node-a", view.points().get(0).node());
    assertEquals(9000, view.points().get(0).point().at());
  }

  @Test
  void theLatestIsEveryNodesNewestPointWithTheSilentOnesListed() {
    testKit.spawn(
        HistoryKeeper.create(
            "node-a", SETTINGS, MetricsSampler.forNode(new MetricsRegistry(), 100), NOW));
    TestProbe<HistoryKeeper.Command> silent = testKit.createTestProbe();
    testKit.system().receptionist().tell(Receptionist.register(HistoryKeeper.KEY, silent.getRef()));
    ClusterMetricsHistory history = new ClusterMetricsHistory(testKit.system(), SETTINGS, NOW);

    AtomicReference<HistoryView> seen = new AtomicReference<>();
    Await.until(
        () -> {
          seen.set(history.latest(Set.of()).toCompletableFuture().join());
          return seen.get().nodes().size() == 2;
        },
        () -> "both registered keepers are asked, seen " + seen.get(),
        Duration.ofSeconds(10));

    assertTrue(silent.receiveMessage() instanceof HistoryKeeper.Latest, "the newest point asked");
    assertEquals(
        List.of("did not answer within 300 ms"),
        seen.get().nodes().stream().flatMap(n -> n.failure().stream()).toList());
    assertEquals(1, seen.get().points().size());
    assertEquals("node-a", seen.get().points().get(0).node());
  }

  @Test
  void noKeeperAtAllIsAnEmptyHistoryNotAFailure() {
    HistoryView view =
        new ClusterMetricsHistory(testKit.system(), SETTINGS, NOW)
            .since(0, Set.of())
            .toCompletableFuture()
            .join();
    assertEquals(0, view.nodes().size());
    assertEquals(0, view.points().size());
  }
}
