package dev.ben.bux;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.LogEvent;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.eventlog.query.Decisions;
import dev.ben.streams.eventlog.query.EventPage;
import dev.ben.streams.eventlog.query.EventQuery;
import dev.ben.streams.eventlog.query.EventSearch;
import dev.ben.streams.eventlog.query.EventSource;
import dev.ben.streams.eventlog.query.Lineage;
import dev.ben.streams.eventlog.query.LineageTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An event log in a list, read through the real queries as the node's port reads its log; {@link
 * #silent} makes every answer a timeout, as a log that does not answer in time.
 */
final class InMemoryEventLog implements EventLogQueries, EventSource {

  /**
   * Events are dated a second apart from here, a day ahead of the real clock, so a feed that opens
   * now (it skips what was logged before it) still sees every one as new whenever the test runs.
   */
  static final Instant START =
      Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<StoredEvent> events = new CopyOnWriteArrayList<>();
  volatile boolean silent;

  StoredEvent add(String id, String type, String data, String parent, String pipeline) {
    long position = events.size() + 1;
    try {
      StoredEvent event =
          new StoredEvent(
              position,
              new LogEvent(
                  id,
                  type,
                  "detector",
                  type + " " + id,
                  JSON.readTree(data),
                  parent,
                  EventSubjects.ofPipeline(pipeline, "2"),
                  START.plusSeconds(position)));
      events.add(event);
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CompletionStage<EventPage> search(EventQuery query) {
    return answer(() -> new EventSearch(this, 1000).find(query));
  }

  @Override
  public CompletionStage<Optional<StoredEvent>> event(String eventId) {
    return answer(() -> get(eventId));
  }

  @Override
  public CompletionStage<Optional<Lineage>> tree(String eventId) {
    return answer(() -> new LineageTree(this, 10, 100, 1000).of(eventId));
  }

  @Override
  public CompletionStage<Decisions.Page> decisions(
      String pipeline, long sinceMillis, long fromPosition, int limit) {
    return answer(() -> new Decisions(this, 1000).find(pipeline, sinceMillis, fromPosition, limit));
  }

  private <T> CompletionStage<T> answer(Supplier<T> query) {
    return silent
        ? CompletableFuture.failedFuture(new TimeoutException("no answer"))
        : CompletableFuture.completedFuture(query.get());
  }

  @Override
  public List<StoredEvent> scan(long fromPosition, Set<String> types, int limit) {
    return events.stream()
        .filter(e -> e.position() >= fromPosition)
        .filter(e -> types.isEmpty() || types.contains(e.type()))
        .limit(limit)
        .toList();
  }

  @Override
  public int pageSize() {
    return 10;
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
