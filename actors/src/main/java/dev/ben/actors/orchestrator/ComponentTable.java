package dev.ben.actors.orchestrator;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The orchestrator's view of running components: who said hello, from which node, and when last. Hellos are
 * repeatable (a resend refreshes, never duplicates), and a component not heard from within the expiry is dropped.
 * Plain state, tested without actors.
 */
public final class ComponentTable {

  /**
   * One running component as last reported: the contract version it runs (0 for components that hold none) and
   * whether its pipeline is the ledger's (rather than one the node runs from its own configuration).
   */
  public record Entry(String componentId, String kind, String pipeline, String node, long contractVersion,
      boolean managed, long lastSeenMillis) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final long expiryMillis;

  public ComponentTable(long expiryMillis) {
    this.expiryMillis = expiryMillis;
  }

  /** Records a hello; returns true when the component was not known before. */
  public boolean hello(Orchestrator.ComponentHello hello, long nowMillis) {
    return entries.put(hello.componentId(), new Entry(hello.componentId(), hello.kind(), hello.pipeline(),
        hello.node(), hello.contractVersion(), hello.managed(), nowMillis)) == null;
  }

  /** Forgets a component that said goodbye or whose node left the cluster. */
  public void remove(String componentId) {
    entries.remove(componentId);
  }

  /** Drops every component whose node is gone; returns how many. */
  public int removeNode(String node) {
    int before = entries.size();
    entries.values().removeIf(e -> e.node().equals(node));
    return before - entries.size();
  }

  /** Drops components silent for longer than the expiry; returns their ids. */
  public List<String> expire(long nowMillis) {
    List<String> expired = entries.values().stream()
        .filter(e -> nowMillis - e.lastSeenMillis() > expiryMillis)
        .map(Entry::componentId)
        .sorted()
        .toList();
    expired.forEach(entries::remove);
    return expired;
  }

  /** Components sorted by pipeline, then kind, then id, for stable output. */
  public List<Entry> snapshot() {
    return entries.values().stream()
        .sorted(Comparator.comparing(Entry::pipeline).thenComparing(Entry::kind).thenComparing(Entry::componentId))
        .toList();
  }
}
