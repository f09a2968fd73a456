package dev.ben.streams.eventlog.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.LogEvent;
import dev.ben.streams.eventlog.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The history table and its rows. Keyed by {@code event_id}, so copying an event twice (a round
 * retried after a failure, two copiers after a failover) stores it once: ClickHouse's
 * ReplacingMergeTree merges the copies, the embedded store ignores them. Times are epoch
 * milliseconds, which both stores compare exactly; {@code data} is the event's data as compact
 * JSON.
 */
final class ArchiveTable {

  static final String TABLE = "ben_eventlog";

  static final String DDL =
      "CREATE TABLE IF NOT EXISTS "
          + TABLE
          + " (event_id String, position UInt64, type String, source String, entry String,"
          + " data String, parent_id String, pipeline String, contract_version String,"
          + " app String, user_key String, created_ms UInt64)"
          + " ENGINE = ReplacingMergeTree() ORDER BY (position, event_id)";

  static final String COLUMNS =
      "event_id, position, type, source, entry, data, parent_id, pipeline, contract_version,"
          + " app, user_key, created_ms";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ArchiveTable() {}

  static String row(StoredEvent stored) {
    LogEvent e = stored.event();
    ObjectNode row = MAPPER.createObjectNode();
    row.put("event_id", e.id());
    row.put("position", stored.position());
    row.put("type", e.type());
    row.put("source", e.source());
    row.put("entry", e.entry());
    row.put("data", e.data().toString());
    row.put("parent_id", orEmpty(e.parentId()));
    row.put("pipeline", orEmpty(e.subjects().pipeline()));
    row.put("contract_version", orEmpty(e.subjects().contractVersion()));
    row.put("app", orEmpty(e.subjects().app()));
    row.put("user_key", orEmpty(e.subjects().userKey()));
    row.put("created_ms", e.createdAt().toEpochMilli());
    return row.toString();
  }

  static StoredEvent event(JsonNode row) {
    try {
      return new StoredEvent(
          row.path("position").asLong(),
          new LogEvent(
              row.path("event_id").asText(),
              row.path("type").asText(),
              row.path("source").asText(),
              row.path("entry").asText(),
              MAPPER.readTree(row.path("data").asText()),
              parentOf(row),
              new EventSubjects(
                  row.path("pipeline").asText(),
                  row.path("contract_version").asText(),
                  row.path("app").asText(),
                  row.path("user_key").asText()),
              Instant.ofEpochMilli(row.path("created_ms").asLong())));
    } catch (IOException e) {
      throw new UncheckedIOException("a history row's data is not JSON", e);
    }
  }

  private static String parentOf(JsonNode row) {
    String parent = row.path("parent_id").asText();
    return parent.isEmpty() ? null : parent;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
