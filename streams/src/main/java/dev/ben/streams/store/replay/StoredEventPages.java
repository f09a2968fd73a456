package dev.ben.streams.store.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.model.Schema;
import dev.ben.streams.store.AnalyticalStore;
import java.util.List;
import java.util.Optional;

/**
 * Reads a schema's stored events in event-time order (ties by event id), one page per call, with
 * every value from the caller bound as a parameter. A page shorter than asked is the last. Blocks:
 * call it on a blocking executor.
 */
public final class StoredEventPages {

  /** Where a page ended: the next one starts strictly after this. */
  public record Position(long timeSeconds, String eventId) {}

  /** A stored event as its schema's translator reads it. */
  public record StoredEvent(String eventId, long timeSeconds, ObjectNode body) {}

  /** One page, and where the next starts (empty after the last). */
  public record Page(List<StoredEvent> events, Optional<Position> next) {}

  private final AnalyticalStore store;
  private final Schema schema;
  private final long fromSeconds;
  private final long toSeconds;
  private final int pageRows;

  /**
   * Events of {@code schema} whose replay time (its first timestamp field, or the receipt time) is
   * in [{@code fromSeconds}, {@code toSeconds}).
   */
  public StoredEventPages(
      AnalyticalStore store, Schema schema, long fromSeconds, long toSeconds, int pageRows) {
    if (pageRows < 1) {
      throw new IllegalArgumentException("page rows must be >= 1, got " + pageRows);
    }
    this.store = store;
    this.schema = schema;
    this.fromSeconds = fromSeconds;
    this.toSeconds = toSeconds;
    this.pageRows = pageRows;
  }

  /** The page after {@code after} (null: the first page). */
  public Page read(Position after) {
    if (after == null && !store.tableExists(schema.table())) {
      return new Page(List.of(), Optional.empty()); // nothing of this schema stored yet
    }
    ReplaySql sql = ReplaySql.of(store.embedded(), schema, fromSeconds, toSeconds, after, pageRows);
    List<StoredEvent> events =
        store.queryJson(sql.text(), sql.parameters()).stream()
            .map(
                row ->
                    new StoredEvent(
                        row.path("event_id").asText(),
                        row.path(ReplaySql.TIME).asLong(),
                        StoredRowJson.body(schema, row)))
            .toList();
    if (events.size() < pageRows) {
      return new Page(events, Optional.empty());
    }
    StoredEvent last = events.get(events.size() - 1);
    return new Page(events, Optional.of(new Position(last.timeSeconds(), last.eventId())));
  }
}
