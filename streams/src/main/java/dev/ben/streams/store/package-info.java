/**
 * The analytical store behind every pipeline: ClickHouse when configured, an embedded DuckDB file
 * otherwise, behind one blocking interface. Callers run it on a blocking executor; the store stage
 * batches and retries. Events arrive as typed rows ({@link dev.ben.streams.store.TypedRows}):
 * RowBinary into ClickHouse, DuckDB's appender in the embedded store, each storing what the same
 * rows as JSONEachRow would. The tables events are written to, and their writers, are in {@code
 * store.tables}; this package and the migrator know nothing of events.
 */
package dev.ben.streams.store;
