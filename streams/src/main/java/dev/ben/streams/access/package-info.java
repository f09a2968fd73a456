/**
 * Store access: versioned, digest-checked bundle storage on a blob store with a RocksDB index,
 * handing out keys and serving bytes only on request (pull-only).
 */
package dev.ben.streams.access;
