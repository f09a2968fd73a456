/**
 * The analytical store behind every pipeline: ClickHouse when configured, an embedded DuckDB file
 * otherwise, behind one blocking interface. Callers run it on a blocking executor; the store stage
 * batches and retries.
 */
package dev.ben.streams.store;
