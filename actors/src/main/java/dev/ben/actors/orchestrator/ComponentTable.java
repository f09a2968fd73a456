package dev.ben.actors.orchestrator;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The orchestrator's view of running components: who said hello, from which node, and when last.
 * Hellos are repeatable (a resend refreshes, never duplicates), and a component not heard from
 * within the expiry is dropped. Plain state, tested without actors.
 */
public final class ComponentTable {

  /**
   * One running component as last reported: the contract version it runs (0 for components that
   * hold none) and whether its pipeline is the ledger's (rather than one the node runs from its own
   * configuration).
   */
  public record Entry(
      String componentId,
      String kind,
      String pipeline,
      String node,
      long contractVersion,
      boolean managed,
      long lastSeenMillis,
      String health,
      Map<String, Long> counts) {

    public Entry {
      counts = Map.copyOf(counts);
    }
  }

  private record Failure(String detail, long atMillis) {}

  private final Map<String, Failure> failures = new HashMap<>();
  private final Map<String, Map<String, Long>> counts = new HashMap<>();

  private final Map<String, Entry> entries = new HashMap<>();
  private final long expiryMillis;
  private final long failureMemoryMillis;

  /**
   * @param expiryMillis how long a component may stay silent before it is dropped
   * @param failureMemoryMillis how long a reported failure stays on a component's record
   */
  public ComponentTable(long expiryMillis, long failureMemoryMillis) {
    this.expiryMillis = expiryMillis;
    this.failureMemoryMillis = failureMemoryMillis;
  }

  /** Records a hello; returns true when the component was not known before. */
  public boolean hello(Orchestrator.ComponentHello hello, long nowMillis) {
    return entries.put(
            hello.componentId(),
            new Entry(
                hello.componentId(),
                hello.kind(),
                hello.pipeline(),
                hello.node(),
                hello.contractVersion(),
                hello.managed(),
                nowMillis,
                "ok",
                Map.of()))
        == null;
  }

  /** The event counts a component last reported; kept only for components said hello. */
  public void counts(String componentId, Map<String, Long> latest) {
    if (entries.containsKey(componentId)) {
      counts.put(componentId, Map.copyOf(latest));
    }
  }

  /**
   * Records a failure a component reported. It is kept apart from the entry because the component
   * restarts right after (saying goodbye and hello again), and the failure must still show on the
   * new incarnation.
   */
  public void failed(String componentId, String detail, long nowMillis) {
    failures.put(componentId, new Failure(detail, nowMillis));
  }

  /** Forgets a component that said goodbye or whose node left the cluster. */
  public void remove(String componentId) {
    entries.remove(componentId);
    counts.remove(componentId);
  }

  /** Drops every component whose node is gone; returns how many. */
  public int removeNode(String node) {
    int before = entries.size();
    entries.values().removeIf(e -> e.node().equals(node));
    counts.keySet().retainAll(entries.keySet());
    return before - entries.size();
  }

  /** Drops components silent for longer than the expiry; returns their ids. */
  public List<String> expire(long nowMillis) {
    failures.values().removeIf(f -> nowMillis - f.atMillis() > failureMemoryMillis);
    List<String> expired =
        entries.values().stream()
            .filter(e -> nowMillis - e.lastSeenMillis() > expiryMillis)
            .map(Entry::componentId)
            .sorted()
            .toList();
    expired.forEach(this::remove);
    return expired;
  }

  /** Components sorted by pipeline, then kind, then id, for stable output. */
  public List<Entry> snapshot() {
    return entries.values().stream()
        .map(this::withHealth)
        .sorted(
            Comparator.comparing(Entry::pipeline)
                .thenComparing(Entry::kind)
                .thenComparing(Entry::componentId))
        .toList();
  }

  private Entry withHealth(Entry e) {
    Failure failure = failures.get(e.componentId());
    String health =
        failure == null
            ? e.health()
            : "restarted after: "
                + failure.detail()
                + " (at "
                + java.time.Instant.ofEpochMilli(failure.atMillis())
                + ")";
    return new Entry(
        e.componentId(),
        e.kind(),
        e.pipeline(),
        e.node(),
        e.contractVersion(),
        e.managed(),
        e.lastSeenMillis(),
        health,
        counts.getOrDefault(e.componentId(), Map.of()));
  }
}
