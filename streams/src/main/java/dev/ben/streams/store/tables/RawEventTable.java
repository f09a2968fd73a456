package dev.ben.streams.store.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.migrate.DataMigrator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The table pass-through pipelines store into: every event with its id, pipeline, app, arrival
 * time, the body as the app sent it (as the spine redacted it once a contract runs) and the
 * contract version that decided it with its decisions (0 and empty in pass-through pipelines).
 * Deduplicated on {@code event_id} (ReplacingMergeTree), so a retried batch never duplicates.
 * Pipelines driven by schema contracts store into their schemas' tables instead ({@link
 * SchemaTableWriter}); events whose contract version can no longer be resolved land here.
 */
public final class RawEventTable {

  public static final String TABLE = "ben_events";

  public static final String DDL =
      "CREATE TABLE IF NOT EXISTS "
          + TABLE
          + " (event_id String, pipeline String, "
          + "app String, received_at DateTime, body String, contract_version UInt64, decision String) ENGINE = ReplacingMergeTree() "
          + "PARTITION BY toYYYYMM(received_at) ORDER BY (pipeline, received_at, event_id)";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private RawEventTable() {}

  /** Has the migrator create the table when missing and returns a writer of envelopes into it. */
  public static BatchWriter writer(DataMigrator migrator, ObjectMapper mapper) {
    DataMigrator.requireComplete(List.of(migrator.applyTable(TABLE, DDL)));
    AnalyticalStore store = migrator.store();
    return batch -> store.insertJsonRows(TABLE, rows(batch, mapper));
  }

  static List<String> rows(List<Envelope> batch, ObjectMapper mapper) throws Exception {
    List<String> rows = new ArrayList<>(batch.size());
    for (Envelope e : batch) {
      ObjectNode row =
          mapper
              .createObjectNode()
              .put("event_id", e.eventId())
              .put("pipeline", e.pipeline())
              .put("app", e.app())
              .put("received_at", DATE_TIME.format(Instant.ofEpochMilli(e.receivedAtMillis())))
              .put("body", mapper.writeValueAsString(e.body()))
              .put(
                  "contract_version", e.evaluation() == null ? 0 : e.evaluation().contractVersion())
              .put(
                  "decision",
                  e.evaluation() == null ? "" : e.evaluation().decisionsJson(mapper).toString());
      rows.add(mapper.writeValueAsString(row));
    }
    return rows;
  }
}
