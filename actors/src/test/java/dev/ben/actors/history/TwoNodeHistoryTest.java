package dev.ben.actors.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.bux.HistoryView;
import dev.ben.config.HistorySettings;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two cluster members in this JVM, each keeping its history: the gateway on the first sees both
 * nodes' points, their messages crossing the wire in CBOR.
 */
@CapturedLogs
class TwoNodeHistoryTest {

  private static final HistorySettings SETTINGS =
      new HistorySettings(Duration.ofMillis(200), 20, 500, Duration.ofSeconds(3));

  private ActorTestKit first;
  private ActorTestKit second;

  private static ActorTestKit member() {
    Config config =
        ConfigFactory.parseString(
                "pekko.remote.artery.canonical.hostname = 127.0.0.1\n"
                    + "pekko.remote.artery.canonical.port = 0\n"
                    + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n")
            .withFallback(ConfigFactory.load());
    return ActorTestKit.create("ben", config);
  }

  @AfterEach
  void stop() {
    if (second != null) {
      second.shutdownTestKit();
    }
    if (first != null) {
      first.shutdownTestKit();
    }
  }

  @Test
  void theGatewaySeesBothNodesPoints() {
    first = member();
    second = member();
    Cluster one = Cluster.get(first.system());
    one.manager().tell(Join.create(one.selfMember().address()));
    Cluster two = Cluster.get(second.system());
    two.manager().tell(Join.create(one.selfMember().address()));
    Await.until(
        () ->
            one.state().members().size() == 2
                && one.selfMember().status() == MemberStatus.up()
                && two.selfMember().status() == MemberStatus.up(),
        "both members are up",
        Duration.ofSeconds(30));

    MetricsRegistry firstMetrics = new MetricsRegistry();
    MetricsRegistry secondMetrics = new MetricsRegistry();
    new StageCounters(firstMetrics, "auth", "spine").accepted(1);
    new StageCounters(secondMetrics, "auth", "spine").accepted(2);
    first.spawn(HistoryKeeper.forNode(SETTINGS, firstMetrics), "metrics-history");
    second.spawn(HistoryKeeper.forNode(SETTINGS, secondMetrics), "metrics-history");
    ClusterMetricsHistory gateway =
        new ClusterMetricsHistory(first.system(), SETTINGS, Clock.systemUTC());

    String firstNode = one.selfMember().address().toString();
    String secondNode = two.selfMember().address().toString();
    AtomicReference<HistoryView> seen = new AtomicReference<>();
    Await.until(
        () -> {
          seen.set(gateway.since(0, Set.of(StageCounters.FAMILY)).toCompletableFuture().join());
          return seen.get().points().stream().map(HistoryView.Point::node).distinct().count() == 2;
        },
        () -> "points of both nodes, seen " + seen.get(),
        Duration.ofSeconds(30));

    HistoryView view = seen.get();
    assertEquals(
        Set.of(firstNode, secondNode),
        Set.copyOf(view.nodes().stream().map(HistoryView.Node::node).toList()));
    String accepted =
        StageCounters.FAMILY
            + "{outcome=\"accepted\",pipeline=\"auth\",reason=\"\",stage=\"spine\"}";
    for (HistoryView.Point point : view.points()) {
      assertEquals(
          point.node().equals(firstNode) ? 1.0 : 2.0,
          point.point().series().get(accepted),
          "each point carries its own node's counters");
    }
  }
}
