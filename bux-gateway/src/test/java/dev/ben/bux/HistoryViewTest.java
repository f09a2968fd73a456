package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.streams.history.HistoryPoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryViewTest {

  private static HistoryPoint point(long at, double value) {
    return new HistoryPoint(at, Map.of("x_total", value), Map.of(), 0);
  }

  @Test
  void nodesPointsAreMergedInTimeOrderAndASilentNodeIsListedWithItsReason() {
    HistoryView view =
        HistoryView.merge(
            9000,
            2000,
            List.of(
                NodeHistory.answered("b", List.of(point(1000, 1), point(3000, 2))),
                NodeHistory.missing("c", "did not answer within 2s"),
                NodeHistory.answered("a", List.of(point(3000, 5), point(5000, 6)))));

    assertEquals(9000, view.at());
    assertEquals(2000, view.intervalMs());
    assertEquals(
        List.of(
            new HistoryView.Node("a", Optional.empty(), 2),
            new HistoryView.Node("b", Optional.empty(), 2),
            new HistoryView.Node("c", Optional.of("did not answer within 2s"), 0)),
        view.nodes());
    assertEquals(
        List.of("1000@b", "3000@a", "3000@b", "5000@a"),
        view.points().stream().map(p -> p.point().at() + "@" + p.node()).toList());
  }

  @Test
  void noAnswersAtAllIsAnEmptyView() {
    HistoryView view = HistoryView.merge(1, 2000, List.of());
    assertEquals(List.of(), view.nodes());
    assertEquals(List.of(), view.points());
  }
}
