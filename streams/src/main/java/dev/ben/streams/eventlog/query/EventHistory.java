package dev.ben.streams.eventlog.query;

import dev.ben.streams.eventlog.StoredEvent;
import java.util.List;

/**
 * The log's history as the analytical store holds it (see {@code EventArchive}): searched with SQL
 * up to the newest event copied, the log itself read after that.
 */
public interface EventHistory {

  /** No history: every search reads the log. */
  EventHistory NONE =
      new EventHistory() {
        @Override
        public long copiedUpTo() {
          return -1;
        }

        @Override
        public List<StoredEvent> find(EventQuery query, long upTo) {
          return List.of();
        }
      };

  /** The position of the newest event copied, -1 before the first. */
  long copiedUpTo();

  /** Up to {@code query.limit()} matches at positions {@code query.fromPosition()..upTo}. */
  List<StoredEvent> find(EventQuery query, long upTo);
}
