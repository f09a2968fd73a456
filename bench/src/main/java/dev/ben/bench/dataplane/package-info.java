/**
 * The data-plane figures of {@code ./ben bench}: examples/auth through the in-process pipeline at
 * full speed and at fixed rates, HTTP NDJSON ingest and the invocation API against a running node,
 * and the store sinks: ClickHouse beside {@code clickhouse-client} on the same rows, and the
 * embedded store ({@link dev.ben.bench.dataplane.SinkComparison}).
 */
package dev.ben.bench.dataplane;
