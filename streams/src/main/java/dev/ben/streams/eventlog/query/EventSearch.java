package dev.ben.streams.eventlog.query;

import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.store.StoreException;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches by type, pipeline and time. What the history holds ({@link EventHistory}) is searched
 * there with SQL; after the newest event it holds, the log is read: the stores filter only by type,
 * so pipeline and time are filtered here while reading pages in position order, and one search
 * reads at most {@code maxScan} events of the log and then answers with what it found and where to
 * go on.
 */
public final class EventSearch {

  private final EventSource source;
  private final EventHistory history;
  private final int maxScan;

  /** A search of the log alone; {@code maxScan}: events one search reads at most. */
  public EventSearch(EventSource source, int maxScan) {
    this(source, EventHistory.NONE, maxScan);
  }

  public EventSearch(EventSource source, EventHistory history, int maxScan) {
    this.source = source;
    this.history = history;
    this.maxScan = maxScan;
  }

  public EventPage find(EventQuery query) {
    long from = Math.max(0, query.fromPosition());
    try {
      long copied = history.copiedUpTo();
      if (from <= copied) {
        List<StoredEvent> found = new ArrayList<>(history.find(query, copied));
        if (found.size() >= query.limit()) {
          return new EventPage(found, found.get(found.size() - 1).position() + 1, true);
        }
        return scan(query, found, copied + 1);
      }
    } catch (StoreException unavailable) {
      // The history is the fast path, never the only one: the log still holds every event.
    }
    return scan(query, new ArrayList<>(), from);
  }

  private EventPage scan(EventQuery query, List<StoredEvent> found, long start) {
    long from = start;
    int scanned = 0;
    while (found.size() < query.limit() && scanned < maxScan) {
      int asked = Math.min(source.pageSize(), maxScan - scanned);
      List<StoredEvent> page = source.scan(from, query.types(), asked);
      for (StoredEvent event : page) {
        scanned++;
        from = event.position() + 1;
        if (matches(query, event)) {
          found.add(event);
          if (found.size() == query.limit()) {
            return new EventPage(found, from, true);
          }
        }
      }
      if (page.size() < asked) {
        return new EventPage(found, from, false);
      }
    }
    return new EventPage(found, from, true);
  }

  private static boolean matches(EventQuery query, StoredEvent event) {
    return (query.pipeline() == null
            || query.pipeline().equals(event.event().subjects().pipeline()))
        && event.event().createdAt().toEpochMilli() >= query.sinceMillis();
  }
}
