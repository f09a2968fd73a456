/**
 * The event log: typed events (each type declared by a JSON Schema that validates its data) that
 * registered components publish, read generically from a position, or consume exactly once by
 * moving a per-consumer status forward under checked transitions; parent links give the lineage of
 * anything. {@link dev.ben.streams.eventlog.EventLog} checks and stamps what is published and keeps
 * it in an {@link dev.ben.streams.eventlog.EventLogStore}: RocksDB in the embedded default, a
 * JetStream stream plus a KV bucket with NATS, behaving the same.
 */
package dev.ben.streams.eventlog;
