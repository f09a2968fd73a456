package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.history.HistoryPoint;
import dev.ben.streams.metrics.Labels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The cluster's stage counters from every node's newest point, and which nodes they count. */
class ClusterTotalsTest {

  private static final long INTERVAL_MS = 2000;
  private static final Labels ACCEPTED =
      Labels.of("outcome", "accepted", "pipeline", "auth", "reason", "", "stage", "sidecar");
  private static final Labels SHED =
      Labels.of("outcome", "shed", "pipeline", "auth", "reason", "full", "stage", "spine");
  private static final Labels STORE_P99 =
      Labels.of("pipeline", "auth", "quantile", "0.99", "stage", "store");

  private final ClusterTotals totals = new ClusterTotals();

  private static HistoryPoint point(long at, long accepted, double rate, double p99) {
    return new HistoryPoint(
        at,
        Map.of(
            "ben_stage_events_total" + ACCEPTED,
            (double) accepted,
            "ben_stage_batch_seconds" + STORE_P99,
            p99),
        Map.of("ben_stage_events_total" + ACCEPTED, rate),
        0);
  }

  private static HistoryView view(long at, NodeHistory... answers) {
    return HistoryView.merge(at, INTERVAL_MS, List.of(answers));
  }

  @Test
  void sumsEveryFreshNodesCountsAndRatesAndKeepsTheSlowestLatency() {
    HistoryPoint b = point(9000, 7, 1.0, 0.100);
    Map<String, Double> series = new java.util.HashMap<>(b.series());
    series.put("ben_stage_events_total" + SHED, 4.0);
    series.put("jvm_threads", 30.0);
    ClusterTotals.Sum sum =
        totals.add(
            view(
                10_000,
                NodeHistory.answered("node-a", List.of(point(9500, 10, 2.5, 0.040))),
                NodeHistory.answered(
                    "node-b", List.of(new HistoryPoint(9000, series, b.rates(), 0)))));

    assertEquals(Map.of(ACCEPTED, 17L, SHED, 4L), sum.counts());
    assertEquals(Map.of(ACCEPTED, 3.5), sum.rates());
    assertEquals(Map.of(STORE_P99, 0.100), sum.latency(), "the slowest node's p99");
    assertEquals(3 * INTERVAL_MS, sum.staleAfterMs());
    assertEquals(
        List.of(
            new ClusterTotals.Member("node-a", OptionalLong.of(9500), true, Optional.empty()),
            new ClusterTotals.Member("node-b", OptionalLong.of(9000), true, Optional.empty())),
        sum.members());
  }

  @Test
  void aNodeSilentForLongerThanTheBoundIsListedStaleWithItsLastPointAndNotSummed() {
    totals.add(
        view(
            10_000,
            NodeHistory.answered("node-a", List.of(point(10_000, 10, 1, 0.01))),
            NodeHistory.answered("node-b", List.of(point(10_000, 7, 1, 0.01)))));

    // Silent, but heard from within the bound: still counted, by its last point.
    ClusterTotals.Sum soon =
        totals.add(
            view(
                14_000,
                NodeHistory.answered("node-a", List.of(point(14_000, 12, 1, 0.01))),
                NodeHistory.missing("node-b", "did not answer within 2000 ms")));
    assertEquals(19L, soon.counts().get(ACCEPTED));
    assertTrue(soon.members().get(1).counted());

    ClusterTotals.Sum later =
        totals.add(
            view(
                50_000,
                NodeHistory.answered("node-a", List.of(point(50_000, 20, 1, 0.01))),
                NodeHistory.missing("node-b", "did not answer within 2000 ms")));
    assertEquals(20L, later.counts().get(ACCEPTED), "node-b's old counts are not summed");
    assertEquals(
        new ClusterTotals.Member(
            "node-b", OptionalLong.of(10_000), false, Optional.of("did not answer within 2000 ms")),
        later.members().get(1));
  }

  @Test
  void aNodeWhoseNewestPointIsOldIsStaleThoughItAnswers() {
    ClusterTotals.Sum sum =
        totals.add(
            view(
                60_000,
                NodeHistory.answered("node-a", List.of(point(60_000, 10, 1, 0.01))),
                NodeHistory.answered("stuck", List.of(point(53_999, 99, 1, 0.01)))));
    assertEquals(10L, sum.counts().get(ACCEPTED));
    assertFalse(sum.members().get(1).counted());
    assertEquals(OptionalLong.of(53_999), sum.members().get(1).sampledAt());
  }

  @Test
  void aNodeNeverHeardFromIsListedWithWhyAndANodeThatLeftIsForgotten() {
    totals.add(view(10_000, NodeHistory.answered("gone", List.of(point(10_000, 5, 1, 0.01)))));

    ClusterTotals.Sum sum =
        totals.add(view(11_000, NodeHistory.missing("new", "could not be asked: refused")));

    assertEquals(
        List.of(
            new ClusterTotals.Member(
                "new", OptionalLong.empty(), false, Optional.of("could not be asked: refused"))),
        sum.members());
    assertEquals(Map.of(), sum.counts());
    ClusterTotals.Sum back =
        totals.add(view(12_000, NodeHistory.missing("gone", "did not answer within 2000 ms")));
    assertEquals(
        OptionalLong.empty(), back.members().get(0).sampledAt(), "its point was forgotten");
  }
}
