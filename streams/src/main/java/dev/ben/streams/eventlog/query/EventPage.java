package dev.ben.streams.eventlog.query;

import dev.ben.streams.eventlog.StoredEvent;
import java.util.List;

/**
 * What a search found, and where the next search goes on: {@code nextPosition} is the position
 * after the last event read; {@code more} says whether the log may hold further matches (the limit
 * or the scan bound was reached before its end).
 */
public record EventPage(List<StoredEvent> events, long nextPosition, boolean more) {

  public EventPage {
    events = List.copyOf(events);
  }
}
