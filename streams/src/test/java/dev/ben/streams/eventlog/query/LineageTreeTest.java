package dev.ben.streams.eventlog.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.query.LineageNode.Relation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lineage trees over a small log that holds what the auth example's lockout leaves behind. */
class LineageTreeTest {

  private static final EventSubjects AUTH_V2 = EventSubjects.ofPipeline("auth", "2");
  private static final String BUNDLE = "{\"bundle_id\":\"sha256:" + "a".repeat(64) + "\"}";

  private MemorySource log;

  @BeforeEach
  void lockoutHistory() {
    log = new MemorySource(4);
    log.add("st1", "ledger.staged", "ledger", BUNDLE, null, EventSubjects.ofPipeline("auth", "1"));
    log.add(
        "ac1",
        "ledger.activated",
        "ledger",
        "{\"version\":1}",
        "st1",
        EventSubjects.ofPipeline("auth", "1"));
    log.add("st2", "ledger.staged", "ledger", BUNDLE, null, AUTH_V2);
    log.add("de2", "ledger.deployed", "ledger", "{\"version\":2}", "st2", AUTH_V2);
    log.add("ac2", "ledger.activated", "ledger", "{\"version\":2}", "de2", AUTH_V2);
    log.add(
        "fire",
        "playbook.fired",
        "detector",
        "{\"playbook\":\"lockout\",\"actions\":[\"lock\"],\"event_id\":\"row-77\"}",
        null,
        AUTH_V2);
    log.add(
        "pub",
        "signal.published",
        "detector",
        "{\"signal_id\":\"s1\",\"kind\":\"lock\"}",
        "fire",
        AUTH_V2);
    log.add("del", "signal.delivered", "sidecar", "{\"signal_id\":\"s1\"}", "pub", AUTH_V2);
  }

  private static List<String> lines(LineageNode node) {
    List<String> out = new ArrayList<>();
    render(node, "", out);
    return out;
  }

  private static void render(LineageNode node, String indent, List<String> out) {
    out.add(indent + node.relation().label() + " " + node.id() + (node.focus() ? " *" : ""));
    node.children().forEach(child -> render(child, indent + "  ", out));
  }

  @Test
  void aFiringReachesItsCauseItsContractVersionsStepsAndItsSignalsDelivery() {
    Lineage lineage = new LineageTree(log, 12, 200, 1000).of("fire").orElseThrow();
    assertEquals(
        List.of(
            "root fire *",
            "  caused_by row-77",
            "  contract ac2",
            "    parent de2",
            "      parent st2",
            "  child pub",
            "    child del"),
        lines(lineage.root()));
    assertEquals(7, lineage.nodes());
    assertEquals(0, lineage.leftOut());
    LineageNode cause = lineage.root().children().get(0);
    assertNull(cause.event(), "the stored row is not an event of the log");
  }

  @Test
  void fromTheDeliveryTheTreeStartsAtItsOldestAncestor() {
    Lineage lineage = new LineageTree(log, 12, 200, 1000).of("del").orElseThrow();
    assertEquals("fire", lineage.root().id());
    assertFalse(lineage.root().focus());
    assertEquals(
        "del",
        lineage.root().children().get(2).children().get(0).id(),
        lines(lineage.root()).toString());
    assertTrue(lineage.root().children().get(2).children().get(0).focus());
  }

  @Test
  void theStoredEventsIdLeadsToTheDecisionsTakenOnIt() {
    Lineage lineage = new LineageTree(log, 12, 200, 1000).of("row-77").orElseThrow();
    assertEquals(Relation.ROOT, lineage.root().relation());
    assertTrue(lineage.root().focus());
    assertEquals("fire", lineage.root().children().get(0).id());
    assertEquals(Relation.DECISION, lineage.root().children().get(0).relation());
    assertTrue(new LineageTree(log, 12, 200, 1000).of("nothing-knows-this").isEmpty());
  }

  @Test
  void aDeliveryPublishedWithoutParentIsJoinedBySignalId() {
    log.add(
        "pub2",
        "signal.published",
        "detector",
        "{\"signal_id\":\"s2\",\"kind\":\"lock\"}",
        null,
        AUTH_V2);
    log.add(
        "drop2",
        "signal.dropped",
        "sidecar",
        "{\"signal_id\":\"s2\",\"reason\":\"gone\"}",
        null,
        AUTH_V2);
    log.add("del2", "signal.delivered", "sidecar", "{\"signal_id\":\"s2\"}", null, AUTH_V2);
    log.add("del3", "signal.delivered", "sidecar", "{\"signal_id\":\"s2\"}", null, AUTH_V2);
    Lineage lineage = new LineageTree(log, 12, 200, 1000).of("pub2").orElseThrow();
    assertEquals(
        List.of("root pub2 *", "  delivery drop2", "  delivery del2"), lines(lineage.root()));
  }

  @Test
  void depthAndNodeBoundsCutTheTreeAndCountWhatIsLeftOut() {
    Lineage shallow = new LineageTree(log, 1, 200, 1000).of("fire").orElseThrow();
    assertEquals(
        List.of("root fire *", "  caused_by row-77", "  contract ac2", "  child pub"),
        lines(shallow.root()));
    assertEquals(2, shallow.leftOut(), "de2 above ac2 and del below pub");

    Lineage small = new LineageTree(log, 12, 3, 1000).of("fire").orElseThrow();
    assertEquals(3, small.nodes());
    assertEquals(2, small.leftOut());

    Lineage cutAbove = new LineageTree(log, 1, 200, 1000).of("del").orElseThrow();
    assertTrue(cutAbove.ancestorsCut());
    assertEquals("pub", cutAbove.root().id());
  }

  @Test
  void theContractJoinReadsNoMoreThanItsBound() {
    log.scanned = 0;
    Lineage lineage = new LineageTree(log, 12, 200, 2).of("fire").orElseThrow();
    assertTrue(log.scanned <= 2, "read " + log.scanned);
    assertEquals(
        List.of("root fire *", "  caused_by row-77", "  child pub", "    child del"),
        lines(lineage.root()),
        "v2's steps lie past the first two ledger events");
  }
}
