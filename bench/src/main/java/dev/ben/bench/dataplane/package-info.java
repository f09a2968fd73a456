/**
 * The data-plane parts of {@code ./ben bench}, each writing its section file for the report table
 * ({@link dev.ben.bench.table}): examples/auth through the in-process pipeline (sustained rate,
 * open-loop latency at fixed rates, heap under overload), HTTP NDJSON ingest and the invocation API
 * against a running node, and the stores: ClickHouse beside {@code clickhouse-client} on the same
 * rows, and the embedded store ({@link dev.ben.bench.dataplane.SinkComparison}).
 */
package dev.ben.bench.dataplane;
