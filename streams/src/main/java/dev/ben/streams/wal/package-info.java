/**
 * The node's ingest write-ahead log: accepted events are written here (synced, in groups) before
 * their ingest request is answered, forgotten once their outcome is final, and replayed into their
 * pipeline when it starts after a crash (docs/architecture.md, Sidecars).
 */
package dev.ben.streams.wal;
