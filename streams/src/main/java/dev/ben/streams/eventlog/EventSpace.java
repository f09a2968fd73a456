package dev.ben.streams.eventlog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The storage operations the log's consumption rules are written against: an append-only sequence
 * of events with lookups by id and parent, and a status space with compare-and-set, so claims are
 * safe with several claimers. RocksDB and NATS each provide one.
 */
interface EventSpace extends AutoCloseable {

  /** A value with the revision a compare-and-set names. */
  record Revised<T>(T value, long revision) {}

  /** Appends after the caller checked the id is new and the parent exists. */
  StoredEvent append(LogEvent event);

  List<StoredEvent> read(long fromPosition, Set<String> types, int limit);

  Optional<StoredEvent> get(String eventId);

  List<StoredEvent> children(String eventId);

  Optional<Revised<Consumption>> consumption(String eventId, String consumer);

  /** Writes the status only if the consumer has none for the event; false when it has. */
  boolean create(Consumption consumption);

  /** Replaces the status only if it is still at {@code revision}; false when it moved since. */
  boolean replace(Consumption consumption, long revision);

  List<Consumption> consumptions(String eventId);

  /**
   * The consumer's floor for a set of types (named by {@code typesKey}): no event of those types
   * below it is unfinished for the consumer, so claims start there. 0 when never raised.
   */
  long floor(String consumer, String typesKey);

  /** Records a higher floor; a lower one is harmless (claims only scan more). */
  void raiseFloor(String consumer, String typesKey, long floor);

  @Override
  void close();
}
