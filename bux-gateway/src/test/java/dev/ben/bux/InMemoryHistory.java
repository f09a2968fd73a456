package dev.ben.bux;

import dev.ben.streams.history.HistoryPoint;
import dev.ben.streams.history.HistoryRing;
import dev.ben.streams.history.SeriesFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A cluster's history port in memory: nodes with rings the test fills, nodes that never answer, or
 * no answer at all (as when the receptionist itself cannot be asked).
 */
final class InMemoryHistory implements MetricsHistory {

  static final long INTERVAL_MS = 2000;
  static final long NOW = 1_764_892_800_000L;

  private final Map<String, HistoryRing> rings = new LinkedHashMap<>();
  private final Map<String, String> silent = new LinkedHashMap<>();
  private volatile boolean unavailable;
  volatile long askedSince = -1;
  volatile Set<String> askedSeries;

  /** When the latest figures are asked for: the clock the staleness of a node is judged by. */
  volatile long now = NOW;

  /** The ring of {@code node}, created on first use. */
  HistoryRing ring(String node) {
    return rings.computeIfAbsent(node, n -> new HistoryRing(10));
  }

  void silent(String node, String why) {
    silent.put(node, why);
  }

  void unavailable() {
    unavailable = true;
  }

  @Override
  public CompletionStage<HistoryView> since(long sinceMs, Set<String> seriesFilter) {
    askedSince = sinceMs;
    askedSeries = seriesFilter;
    if (unavailable) {
      return CompletableFuture.failedFuture(new IllegalStateException("no receptionist"));
    }
    List<NodeHistory> answers = new ArrayList<>();
    rings.forEach(
        (node, ring) -> {
          List<HistoryPoint> points = ring.since(sinceMs, new SeriesFilter(seriesFilter));
          answers.add(NodeHistory.answered(node, points));
        });
    silent.forEach((node, why) -> answers.add(NodeHistory.missing(node, why)));
    return CompletableFuture.completedFuture(HistoryView.merge(NOW, INTERVAL_MS, answers));
  }

  @Override
  public CompletionStage<HistoryView> latest(Set<String> seriesFilter) {
    askedSeries = seriesFilter;
    if (unavailable) {
      return CompletableFuture.failedFuture(new IllegalStateException("no receptionist"));
    }
    List<NodeHistory> answers = new ArrayList<>();
    rings.forEach(
        (node, ring) -> {
          List<HistoryPoint> points = ring.since(0, new SeriesFilter(seriesFilter));
          answers.add(
              NodeHistory.answered(
                  node,
                  points.isEmpty() ? List.of() : points.subList(points.size() - 1, points.size())));
        });
    silent.forEach((node, why) -> answers.add(NodeHistory.missing(node, why)));
    return CompletableFuture.completedFuture(HistoryView.merge(now, INTERVAL_MS, answers));
  }
}
