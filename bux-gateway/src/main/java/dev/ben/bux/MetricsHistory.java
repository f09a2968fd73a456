package dev.ben.bux;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The cluster's metrics history, as the hosting node gathers it from every node: {@code GET
 * /api/v1/metrics/history} and the websocket's {@code history} topic read through this port.
 */
public interface MetricsHistory {

  /**
   * Every node's points after {@code sinceMs} (epoch ms; 0 for all it holds), holding only the
   * series {@code seriesFilter} names (whole series or families; empty for all). A node that does
   * not answer in time is listed as such; the answer fails only if no node could be asked at all.
   */
  CompletionStage<HistoryView> since(long sinceMs, Set<String> seriesFilter);

  /**
   * Every node's newest point alone (none for a node that holds none yet), holding only the series
   * {@code seriesFilter} names; nodes that do not answer in time are listed as {@link #since} lists
   * them.
   */
  CompletionStage<HistoryView> latest(Set<String> seriesFilter);
}
