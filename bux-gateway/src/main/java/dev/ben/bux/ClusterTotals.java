package dev.ben.bux;

import dev.ben.streams.history.HistoryPoint;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageLatency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stage counters of the whole cluster from every node's newest point of the history: each
 * series' count and rate summed over the nodes counted, each stage's batch latency quantile the
 * slowest node's. A node is counted while its newest point is at most {@value
 * #STALE_AFTER_INTERVALS} sampling intervals old; one older than that (it stopped answering, or its
 * sampling stalls) is listed as stale with the time of the last point heard from it, and left out
 * of the sums, so the figures never mix a node's old counts with the others' new ones unsaid.
 * Remembers the last point of every member across reads, forgetting a node once it is no longer
 * listed (it left the cluster). Thread-safe: the route and every socket's topic share one.
 */
final class ClusterTotals {

  /** The families the totals read from the history. */
  static final Set<String> FAMILIES = Set.of(StageCounters.FAMILY, StageLatency.FAMILY);

  /**
   * Sampling intervals a node's newest point may be old and still counted: two missed samples are a
   * slow answer, three a node not keeping up.
   */
  static final int STALE_AFTER_INTERVALS = 3;

  /** A member: when its newest point heard was sampled, whether it is counted, why it is silent. */
  record Member(String node, OptionalLong sampledAt, boolean counted, Optional<String> failure) {}

  /**
   * The sums at {@code at}: stage counts and rates by series labels, latency quantiles (seconds) by
   * labels with {@code quantile}, and every member.
   */
  record Sum(
      long at,
      long staleAfterMs,
      List<Member> members,
      Map<Labels, Long> counts,
      Map<Labels, Double> rates,
      Map<Labels, Double> latency) {}

  private final Map<String, HistoryPoint> lastHeard = new HashMap<>();

  /** Takes in every node's newest points and sums the nodes still fresh. */
  synchronized Sum add(HistoryView view) {
    for (HistoryView.Point point : view.points()) {
      lastHeard.merge(point.node(), point.point(), (old, now) -> now.at() >= old.at() ? now : old);
    }
    lastHeard.keySet().retainAll(view.nodes().stream().map(HistoryView.Node::node).toList());
    long staleAfterMs = STALE_AFTER_INTERVALS * view.intervalMs();
    Map<Labels, Long> counts = new TreeMap<>();
    Map<Labels, Double> rates = new TreeMap<>();
    Map<Labels, Double> latency = new TreeMap<>();
    List<Member> members = new ArrayList<>();
    for (HistoryView.Node node : view.nodes()) {
      HistoryPoint last = lastHeard.get(node.node());
      boolean counted = last != null && view.at() - last.at() <= staleAfterMs;
      members.add(
          new Member(
              node.node(),
              last == null ? OptionalLong.empty() : OptionalLong.of(last.at()),
              counted,
              node.failure()));
      if (counted) {
        sumInto(last, counts, rates, latency);
      }
    }
    return new Sum(view.at(), staleAfterMs, members, counts, rates, latency);
  }

  private static void sumInto(
      HistoryPoint point,
      Map<Labels, Long> counts,
      Map<Labels, Double> rates,
      Map<Labels, Double> latency) {
    for (Map.Entry<String, Double> entry : point.series().entrySet()) {
      Optional<SeriesName> series = SeriesName.parse(entry.getKey());
      if (series.isEmpty()) {
        continue;
      }
      Labels labels = series.get().labels();
      String family = series.get().family();
      if (family.equals(StageCounters.FAMILY)) {
        counts.merge(labels, Math.round(entry.getValue()), Long::sum);
        Double rate = point.rates().get(entry.getKey());
        if (rate != null) {
          rates.merge(labels, rate, Double::sum);
        }
      } else if (family.equals(StageLatency.FAMILY) && labels.asMap().containsKey("quantile")) {
        latency.merge(labels, entry.getValue(), Math::max);
      }
    }
  }
}
