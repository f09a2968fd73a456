/**
 * The data-plane figures of {@code ./ben bench}: examples/auth through the in-process pipeline at
 * full speed and at fixed rates, HTTP NDJSON ingest and the invocation API against a running node,
 * and the ClickHouse sink.
 */
package dev.ben.bench.dataplane;
