package dev.ben.actors.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.ActorTestBase;
import dev.ben.config.HistorySettings;
import dev.ben.streams.history.HistoryPoint;
import dev.ben.streams.history.MetricsSampler;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.Test;

/** A node's history keeper, its messages serialized as if they crossed nodes. */
class HistoryKeeperTest extends ActorTestBase {

  private static final String ACCEPTED =
      "ben_stage_events_total{outcome=\"accepted\",pipeline=\"auth\",reason=\"\",stage=\"spine\"}";

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final StageCounters stage = new StageCounters(metrics, "auth", "spine");

  HistoryKeeperTest() {
    super(SERIALIZE_MESSAGES);
  }

  private ActorRef<HistoryKeeper.Command> keeper(Duration interval, Clock clock) {
    HistorySettings settings = new HistorySettings(interval, 5, 100, Duration.ofSeconds(1));
    return testKit.spawn(
        HistoryKeeper.create(
            "node-a", settings, MetricsSampler.forNode(metrics, settings.maxSeries()), clock));
  }

  private HistoryKeeper.Points since(
      ActorRef<HistoryKeeper.Command> keeper, long sinceMs, Set<String> series) {
    TestProbe<HistoryKeeper.Points> probe = testKit.createTestProbe();
    keeper.tell(new HistoryKeeper.Since(sinceMs, series, probe.getRef()));
    return probe.receiveMessage();
  }

  @Test
  void samplesAtOnceAndAnswersItsPointsAfterATimeFiltered() {
    stage.accepted(7);
    Clock clock = Clock.fixed(Instant.ofEpochMilli(5000), ZoneOffset.UTC);
    ActorRef<HistoryKeeper.Command> keeper = keeper(Duration.ofHours(1), clock);

    HistoryKeeper.Points all = since(keeper, 0, Set.of());
    assertEquals("node-a", all.node());
    assertEquals(1, all.points().size());
    HistoryPoint point = all.points().get(0);
    assertEquals(5000, point.at());
    assertEquals(7.0, point.series().get(ACCEPTED));
    assertTrue(point.series().containsKey("jvm_memory_used_bytes{area=\"heap\"}"));

    HistoryPoint stagesOnly = since(keeper, 0, Set.of(StageCounters.FAMILY)).points().get(0);
    assertTrue(
        stagesOnly.series().keySet().stream().allMatch(k -> k.startsWith(StageCounters.FAMILY)),
        stagesOnly.series().toString());
    assertEquals(List.of(), since(keeper, 5000, Set.of()).points());
  }

  @Test
  void samplesEveryIntervalWithRatesAndKeepsOnlyItsLastPoints() {
    ActorRef<HistoryKeeper.Command> keeper = keeper(Duration.ofMillis(20), Clock.systemUTC());
    TestProbe<HistoryKeeper.Points> probe = testKit.createTestProbe();
    // Counted on every try, and looked for in any of the 5 points the ring keeps (100 ms of them):
    // only the newest one's rate depended on a sample falling between a count and the question.
    probe.awaitAssert(
        Duration.ofSeconds(10),
        Duration.ofMillis(10),
        () -> {
          stage.accepted(10);
          keeper.tell(new HistoryKeeper.Since(0, Set.of(), probe.getRef()));
          List<HistoryPoint> points = probe.receiveMessage().points();
          assertEquals(5, points.size(), "the ring holds 5 points at most");
          assertTrue(
              points.stream().anyMatch(point -> point.rates().getOrDefault(ACCEPTED, 0.0) > 0),
              points.stream().map(point -> point.rates().toString()).toList().toString());
          return null;
        });
  }

  @Test
  void answersItsNewestPointAloneFiltered() {
    stage.accepted(3);
    ActorRef<HistoryKeeper.Command> keeper =
        keeper(Duration.ofHours(1), Clock.fixed(Instant.ofEpochMilli(5000), ZoneOffset.UTC));
    TestProbe<HistoryKeeper.Points> probe = testKit.createTestProbe();

    keeper.tell(new HistoryKeeper.Latest(Set.of(StageCounters.FAMILY), probe.getRef()));
    HistoryKeeper.Points latest = probe.receiveMessage();

    assertEquals("node-a", latest.node());
    assertEquals(1, latest.points().size());
    assertEquals(5000, latest.points().get(0).at());
    Map<String, Double> series = latest.points().get(0).series();
    assertEquals(3.0, series.get(ACCEPTED));
    assertTrue(
        series.keySet().stream().allMatch(k -> k.startsWith(StageCounters.FAMILY + "{")),
        "the family alone: " + series.keySet());
  }

  @Test
  void theNewestPointIsTheLastSampledEvenWhenTheClockSteppedBack() {
    // Every reading a second earlier than the one before.
    AtomicLong next = new AtomicLong(1_000_000);
    Clock backwards =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(next.getAndAdd(-1000));
          }
        };
    ActorRef<HistoryKeeper.Command> keeper = keeper(Duration.ofMillis(20), backwards);
    TestProbe<HistoryKeeper.Points> probe = testKit.createTestProbe();
    probe.awaitAssert(
        Duration.ofSeconds(10),
        () -> {
          List<HistoryPoint> before = since(keeper, 0, Set.of()).points();
          assertTrue(before.size() >= 3, "three points sampled");
          keeper.tell(new HistoryKeeper.Latest(Set.of(), probe.getRef()));
          List<HistoryPoint> latest = probe.receiveMessage().points();
          assertEquals(1, latest.size());
          // Sampled no earlier than those answered before it, so earliest by this clock.
          assertTrue(
              before.stream().allMatch(p -> p.at() >= latest.get(0).at()), before.toString());
          return null;
        });
  }

  @Test
  void registersWithTheReceptionist() {
    ActorRef<HistoryKeeper.Command> keeper = keeper(Duration.ofHours(1), Clock.systemUTC());
    TestProbe<Receptionist.Listing> probe = testKit.createTestProbe();
    probe.awaitAssert(
        () -> {
          testKit
              .system()
              .receptionist()
              .tell(Receptionist.find(HistoryKeeper.KEY, probe.getRef()));
          assertEquals(
              Set.of(keeper), probe.receiveMessage().getServiceInstances(HistoryKeeper.KEY));
          return null;
        });
  }
}
