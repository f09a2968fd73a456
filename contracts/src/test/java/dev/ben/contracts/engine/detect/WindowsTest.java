package dev.ben.contracts.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowsTest {

  private static final long MINUTE = 60_000;

  @Test
  void slidingWindowAggregatesAndExpires() {
    var window = new SlidingWindow(5 * MINUTE);
    window.add(0, 4, 0);
    window.add(MINUTE, 10, MINUTE);
    window.add(2 * MINUTE, 1, 2 * MINUTE);
    assertEquals(3, window.count(2 * MINUTE));
    assertEquals(15, window.sum(2 * MINUTE));
    assertEquals(5, window.average(2 * MINUTE));
    assertEquals(1, window.min(2 * MINUTE));
    assertEquals(10, window.max(2 * MINUTE));
    assertEquals(2, window.count(5 * MINUTE + 1), "the value at t=0 left the window");
    assertEquals(1, window.min(5 * MINUTE + 1));
    assertEquals(0, window.count(8 * MINUTE));
    assertTrue(Double.isNaN(window.average(8 * MINUTE)));
  }

  @Test
  void lateEventsAreRefused() {
    var window = new SlidingWindow(MINUTE);
    assertFalse(window.add(0, 1, 2 * MINUTE));
    assertTrue(window.add(2 * MINUTE - 1000, 1, 2 * MINUTE));
    assertEquals(1, window.count(2 * MINUTE));
  }

  @Test
  void distinctIsExactUpToTheCapThenSaturates() {
    var distinct = new DistinctWindow(MINUTE, 3);
    distinct.add("a", 0, 0);
    distinct.add("b", 1, 1);
    distinct.add("a", 2, 2);
    assertEquals(2, distinct.count(2));
    distinct.add("c", 3, 3);
    distinct.add("d", 4, 4);
    assertEquals(3, distinct.count(4));
    assertTrue(distinct.saturated());
    assertFalse(distinct.view().containsKey("b"), "the least recently seen value is forgotten");
    assertEquals(0, distinct.count(MINUTE + 10));
    assertFalse(distinct.saturated());
  }

  @Test
  void keyTableEvictsLeastRecentlyUsedAndCounts() {
    var table = new KeyTable<int[]>(2);
    table.getOrCreate("a", () -> new int[1]);
    table.getOrCreate("b", () -> new int[1]);
    table.getOrCreate("a", () -> new int[1]);
    table.getOrCreate("c", () -> new int[1]);
    assertEquals(2, table.size());
    assertEquals(1, table.evictions());
    assertTrue(table.contains("a"));
    assertFalse(table.contains("b"));
  }
}
