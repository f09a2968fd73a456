package dev.ben.streams.eventlog.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.LogEvent;
import dev.ben.streams.eventlog.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Events in a list, positions from 1, one second apart; scans count what they return. */
public final class MemorySource implements EventSource {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  public static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

  private final List<StoredEvent> events = new ArrayList<>();
  private final int pageSize;

  /** Events the scans returned so far. */
  public int scanned;

  public MemorySource(int pageSize) {
    this.pageSize = pageSize;
  }

  public StoredEvent add(
      String id, String type, String source, String data, String parent, EventSubjects about) {
    long position = events.size() + 1;
    StoredEvent event =
        new StoredEvent(
            position,
            new LogEvent(
                id,
                type,
                source,
                type + " " + id,
                json(data),
                parent,
                about,
                START.plusSeconds(position)));
    events.add(event);
    return event;
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<StoredEvent> scan(long fromPosition, Set<String> types, int limit) {
    if (limit > pageSize) {
      throw new IllegalArgumentException("asked for " + limit + ", more than a page");
    }
    List<StoredEvent> out =
        events.stream()
            .filter(e -> e.position() >= fromPosition)
            .filter(e -> types.isEmpty() || types.contains(e.type()))
            .limit(limit)
            .toList();
    scanned += out.size();
    return out;
  }

  @Override
  public int pageSize() {
    return pageSize;
  }

  @Override
  public Optional<StoredEvent> get(String eventId) {
    return events.stream().filter(e -> e.id().equals(eventId)).findFirst();
  }

  @Override
  public List<StoredEvent> children(String eventId) {
    return events.stream().filter(e -> eventId.equals(e.event().parentId())).toList();
  }
}
