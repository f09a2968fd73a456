package dev.ben.streams.store.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.StoreInserts;
import dev.ben.streams.store.TypedRows;
import dev.ben.streams.store.migrate.DataMigrator;
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

  static final List<String> COLUMNS =
      List.of("event_id", "pipeline", "app", "received_at", "body", "contract_version", "decision");

  private RawEventTable() {}

  /** Has the migrator create the table when missing and returns a writer of envelopes into it. */
  public static BatchWriter writer(DataMigrator migrator, ObjectMapper mapper) {
    return writer(migrator, mapper, StoreInserts.DIRECT);
  }

  /**
   * The same writer, inserting through {@code inserts}; a store stage's batch is one pipeline's, so
   * its first event names the pipeline.
   */
  public static BatchWriter writer(
      DataMigrator migrator, ObjectMapper mapper, StoreInserts inserts) {
    DataMigrator.requireComplete(List.of(migrator.applyTable(TABLE, DDL)));
    AnalyticalStore store = migrator.store();
    return batch -> {
      if (!batch.isEmpty()) {
        inserts.insert(store, batch.get(0).pipeline(), TABLE, rows(batch, mapper));
      }
    };
  }

  static TypedRows rows(List<Envelope> batch, ObjectMapper mapper) throws Exception {
    TypedRows rows = new TypedRows(COLUMNS, batch.size());
    for (Envelope e : batch) {
      rows.add(
          new Object[] {
            e.eventId(),
            e.pipeline(),
            e.app(),
            SchemaRows.seconds(e.receivedAtMillis()),
            mapper.writeValueAsString(e.body()),
            e.evaluation() == null ? 0L : e.evaluation().contractVersion(),
            e.evaluation() == null ? "" : e.evaluation().decisionsJson(mapper).toString()
          });
    }
    return rows;
  }
}
