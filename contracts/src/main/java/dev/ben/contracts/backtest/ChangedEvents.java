package dev.ben.contracts.backtest;

import java.util.ArrayList;
import java.util.List;

/** The events decided differently: all of them counted, the first {@code shown} kept. */
final class ChangedEvents {

  private final int shown;
  private final List<BacktestReport.ChangedEvent> first = new ArrayList<>();
  private long total;

  ChangedEvents(int shown) {
    if (shown < 0) {
      throw new IllegalArgumentException("changed events shown must be >= 0, got " + shown);
    }
    this.shown = shown;
  }

  void add(String id, String before, String after) {
    total++;
    if (first.size() < shown) {
      first.add(new BacktestReport.ChangedEvent(id, before, after));
    }
  }

  long total() {
    return total;
  }

  List<BacktestReport.ChangedEvent> first() {
    return List.copyOf(first);
  }
}
