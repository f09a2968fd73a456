package dev.ben.streams.flow;

import java.util.List;

/**
 * Told when an event's outcome at a stage is final: stored, spilled (the spill buffer is itself
 * durable), refused, shed or routed. The node's ingest log then forgets the event; an event it
 * would otherwise replay after a crash. Called from the stages' streams, so it must not block.
 */
@FunctionalInterface
public interface Settlement {

  /** For stages run without an ingest log (tests, benchmarks). */
  Settlement NONE = event -> {};

  void settled(Envelope event);

  default void settled(List<Envelope> events) {
    events.forEach(this::settled);
  }
}
