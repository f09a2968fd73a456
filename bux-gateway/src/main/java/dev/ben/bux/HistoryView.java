package dev.ben.bux;

import dev.ben.streams.history.HistoryPoint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The cluster's metrics history at {@code at}: which nodes answered (and why the others did not),
 * and all their points in time order, each naming its node. {@code intervalMs} is how far apart a
 * node's points are.
 */
public record HistoryView(long at, long intervalMs, List<Node> nodes, List<Point> points) {

  /** A node asked for its history; {@code failure} says why it gave none. */
  public record Node(String node, Optional<String> failure, int points) {}

  /** One point of one node. */
  public record Point(String node, HistoryPoint point) {}

  public HistoryView {
    nodes = List.copyOf(nodes);
    points = List.copyOf(points);
  }

  /**
   * Every node's answer in one view: nodes by address, points by time then node; a node that did
   * not answer is listed with its failure and adds no points.
   */
  public static HistoryView merge(long at, long intervalMs, List<NodeHistory> answers) {
    List<Node> nodes =
        answers.stream()
            .map(answer -> new Node(answer.node(), answer.failure(), answer.points().size()))
            .sorted(Comparator.comparing(Node::node))
            .toList();
    List<Point> points =
        answers.stream()
            .flatMap(answer -> answer.points().stream().map(p -> new Point(answer.node(), p)))
            .sorted(
                Comparator.comparingLong((Point p) -> p.point().at()).thenComparing(Point::node))
            .toList();
    return new HistoryView(at, intervalMs, nodes, points);
  }
}
