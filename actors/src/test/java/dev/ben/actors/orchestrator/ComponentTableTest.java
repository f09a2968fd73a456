package dev.ben.actors.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentTableTest {

  private static final long FAILURE_MEMORY_MILLIS = 600_000;

  private final ComponentTable table = new ComponentTable(6_000, FAILURE_MEMORY_MILLIS);

  @Test
  void helloIsRepeatableAndRefreshesInsteadOfDuplicating() {
    assertTrue(table.hello(hello("auth/spine@n1", "spine", "auth", "n1"), 1_000));
    assertFalse(table.hello(hello("auth/spine@n1", "spine", "auth", "n1"), 2_000));
    assertEquals(1, table.snapshot().size());
    assertEquals(2_000, table.snapshot().get(0).lastSeenMillis());
  }

  @Test
  void silentComponentsExpireAndOthersStay() {
    table.hello(hello("a", "spine", "auth", "n1"), 0);
    table.hello(hello("b", "store", "auth", "n1"), 5_000);
    assertEquals(List.of("a"), table.expire(6_500));
    assertEquals(
        List.of("b"), table.snapshot().stream().map(ComponentTable.Entry::componentId).toList());
  }

  @Test
  void aNodeLeavingTakesItsComponents() {
    table.hello(hello("a", "spine", "auth", "n1"), 0);
    table.hello(hello("b", "spine", "auth", "n2"), 0);
    assertEquals(1, table.removeNode("n1"));
    assertEquals("n2", table.snapshot().get(0).node());
  }

  @Test
  void snapshotIsSortedByPipelineKindAndId() {
    table.hello(hello("z", "store", "web", "n1"), 0);
    table.hello(hello("y", "spine", "auth", "n1"), 0);
    table.hello(hello("x", "store", "auth", "n1"), 0);
    assertEquals(
        List.of("y", "x", "z"),
        table.snapshot().stream().map(ComponentTable.Entry::componentId).toList());
  }

  @Test
  void aReportedFailureShowsOnTheRestartedComponentUntilItIsOld() {
    table.hello(hello("auth/spine@n1", "spine", "auth", "n1"), 0);
    assertEquals("ok", table.snapshot().get(0).health());
    table.failed("auth/spine@n1", "the spine stage failed: boom", 1_000);
    table.remove("auth/spine@n1");
    table.hello(hello("auth/spine@n1", "spine", "auth", "n1"), 2_000);
    assertTrue(
        table
            .snapshot()
            .get(0)
            .health()
            .startsWith("restarted after: the spine stage failed: boom"));
    table.hello(hello("auth/spine@n1", "spine", "auth", "n1"), FAILURE_MEMORY_MILLIS + 1_500);
    table.expire(FAILURE_MEMORY_MILLIS + 2_000);
    assertEquals("ok", table.snapshot().get(0).health());
  }

  @Test
  void countsAreKeptForKnownComponentsAndForgottenWithThem() {
    table.counts("auth/spine@n1", java.util.Map.of("accepted", 5L));
    table.hello(hello("auth/spine@n1", "spine", "auth", "n1"), 0);
    assertEquals(
        java.util.Map.of(),
        table.snapshot().get(0).counts(),
        "counts of an unknown component are ignored");
    table.counts("auth/spine@n1", java.util.Map.of("accepted", 7L, "forwarded", 6L, "refused", 1L));
    assertEquals(7L, table.snapshot().get(0).counts().get("accepted"));
    table.remove("auth/spine@n1");
    table.hello(hello("auth/spine@n1", "spine", "auth", "n1"), 1);
    assertEquals(java.util.Map.of(), table.snapshot().get(0).counts());
  }

  private static Orchestrator.ComponentHello hello(
      String id, String kind, String pipeline, String node) {
    return new Orchestrator.ComponentHello(id, kind, pipeline, node, 0, true);
  }
}
