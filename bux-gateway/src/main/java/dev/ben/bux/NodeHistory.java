package dev.ben.bux;

import dev.ben.streams.history.HistoryPoint;
import java.util.List;
import java.util.Optional;

/**
 * What one node answered for the history: its points, or why it gave none (it did not answer in
 * time, say). {@code node} is its cluster address.
 */
public record NodeHistory(String node, Optional<String> failure, List<HistoryPoint> points) {

  public NodeHistory {
    points = List.copyOf(points);
  }

  public static NodeHistory answered(String node, List<HistoryPoint> points) {
    return new NodeHistory(node, Optional.empty(), points);
  }

  public static NodeHistory missing(String node, String failure) {
    return new NodeHistory(node, Optional.of(failure), List.of());
  }

  public boolean hasAnswered() {
    return failure.isEmpty();
  }
}
