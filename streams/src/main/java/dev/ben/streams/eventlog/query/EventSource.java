package dev.ben.streams.eventlog.query;

import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.StoredEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the queries read: events in position order, one event by id, an event's children. */
public interface EventSource {

  /**
   * Up to {@code limit} (at most {@link #pageSize()}) events at or after the position, of the types
   * (all when empty); fewer only at the end of the log.
   */
  List<StoredEvent> scan(long fromPosition, Set<String> types, int limit);

  /** The most events one scan returns. */
  int pageSize();

  Optional<StoredEvent> get(String eventId);

  /** The events whose parent is {@code eventId}, in position order. */
  List<StoredEvent> children(String eventId);

  /**
   * The log as people read it, the caller having checked their role (see {@link EventLog#browse});
   * {@code pageSize} at most the log's {@code max-batch}.
   */
  static EventSource of(EventLog log, int pageSize) {
    return new EventSource() {
      @Override
      public int pageSize() {
        return pageSize;
      }

      @Override
      public List<StoredEvent> scan(long fromPosition, Set<String> types, int limit) {
        return log.browse(fromPosition, types, limit);
      }

      @Override
      public Optional<StoredEvent> get(String eventId) {
        return log.get(eventId);
      }

      @Override
      public List<StoredEvent> children(String eventId) {
        return log.children(eventId);
      }
    };
  }
}
