package dev.ben.streams.eventlog.query;

import dev.ben.streams.eventlog.StoredEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches by type, pipeline and time. The stores filter only by type, so pipeline and time are
 * filtered here while reading pages in position order; one search reads at most {@code maxScan}
 * events and then answers with what it found and where to go on.
 */
public final class EventSearch {

  private final EventSource source;
  private final int maxScan;

  /** {@code maxScan}: events one search reads at most. */
  public EventSearch(EventSource source, int maxScan) {
    this.source = source;
    this.maxScan = maxScan;
  }

  public EventPage find(EventQuery query) {
    List<StoredEvent> found = new ArrayList<>();
    long from = Math.max(0, query.fromPosition());
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
