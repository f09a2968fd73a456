package dev.ben.streams.store;

import dev.ben.streams.metrics.Buckets;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;

/**
 * How a writer appends one batch's rows to a table: {@link #DIRECT}, or {@link #timed} into {@code
 * ben_store_write_seconds{pipeline,table}} (each insert that completed) and {@code
 * ben_store_batch_rows{pipeline}} (rows per insert). A failed insert is counted by the store stage
 * as a write failure, not timed here.
 */
@FunctionalInterface
public interface StoreInserts {

  String WRITE_SECONDS = "ben_store_write_seconds";
  String BATCH_ROWS = "ben_store_batch_rows";

  StoreInserts DIRECT = (store, pipeline, table, rows) -> store.insertRows(table, rows);

  void insert(AnalyticalStore store, String pipeline, String table, TypedRows rows);

  /** Inserts measured in {@code metrics}; one histogram lookup per insert, never per row. */
  static StoreInserts timed(MetricsRegistry metrics) {
    return (store, pipeline, table, rows) -> {
      long start = System.nanoTime();
      store.insertRows(table, rows);
      metrics
          .histogram(
              WRITE_SECONDS,
              "Time of one store insert (ClickHouse or embedded), by pipeline and table.",
              Labels.of("pipeline", pipeline, "table", table),
              Buckets.CALL_SECONDS)
          .observe(Buckets.secondsSince(start));
      metrics
          .histogram(
              BATCH_ROWS,
              "Rows in one store insert, by pipeline.",
              Labels.of("pipeline", pipeline),
              Buckets.BATCH_SIZE)
          .observe(rows.size());
    };
  }
}
