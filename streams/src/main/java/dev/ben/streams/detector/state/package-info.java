/**
 * Detector state that outlives its host: snapshots of each shard's keyed state per (pipeline,
 * shard, schema, detector fingerprint) in a {@link dev.ben.streams.detector.state.ShardStateStore}
 * (the node's RocksDB, or a JetStream KV bucket when NATS is configured), written periodically and
 * when a shard stops, read back when it starts.
 */
package dev.ben.streams.detector.state;
