/**
 * A small ordered key-value index on RocksDB: versioned keys of store access, spill buffers, state
 * snapshots.
 */
package dev.ben.streams.rocks;
