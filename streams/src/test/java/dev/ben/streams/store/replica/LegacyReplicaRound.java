package dev.ben.streams.store.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.migrate.DataMigrator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keeper's round as it was before the copy moved into the store, kept only as the "before" of
 * {@link ReplicaCopyMeasure}: a page read into the JVM as JSON and written back as JSON, then two
 * {@code max(ingested_at)} queries for the lag.
 */
final class LegacyReplicaRound {

  private record Watermark(String ingestedAt, String eventId) {}

  private final AnalyticalStore store;
  private final String table;
  private final int pageRows;
  private final Map<String, Watermark> watermarks = new HashMap<>();

  LegacyReplicaRound(AnalyticalStore store, String table, int pageRows) {
    this.store = store;
    this.table = table;
    this.pageRows = pageRows;
  }

  long round() {
    Watermark mark =
        watermarks.computeIfAbsent(table, t -> new Watermark("1970-01-01 00:00:00", ""));
    List<ObjectNode> page =
        store.queryJson(
            "SELECT * FROM "
                + table
                + " FINAL WHERE ingested_at > '"
                + mark.ingestedAt()
                + "' OR (ingested_at = '"
                + mark.ingestedAt()
                + "' AND event_id > '"
                + mark.eventId().replace("'", "''")
                + "') ORDER BY ingested_at, event_id LIMIT "
                + pageRows);
    if (!page.isEmpty()) {
      store.insertJsonRows(
          table + DataMigrator.REPLICA_SUFFIX, page.stream().map(JsonNode::toString).toList());
      ObjectNode last = page.get(page.size() - 1);
      watermarks.put(
          table, new Watermark(last.get("ingested_at").asText(), last.get("event_id").asText()));
    }
    store.queryJson("SELECT max(ingested_at) AS newest FROM " + table);
    store.queryJson(
        "SELECT max(ingested_at) AS newest FROM " + table + DataMigrator.REPLICA_SUFFIX);
    return page.size();
  }
}
