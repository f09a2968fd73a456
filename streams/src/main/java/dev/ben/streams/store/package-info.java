/**
 * The analytical store behind every pipeline: ClickHouse when configured, an embedded DuckDB file
 * otherwise, behind one blocking interface. Callers run it on a blocking executor; the store stage
 * batches and retries. The tables events are written to, and their writers, are in {@code
 * store.tables}; this package and the migrator know nothing of events.
 */
package dev.ben.streams.store;
