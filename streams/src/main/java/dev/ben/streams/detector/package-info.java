/**
 * The detector stage: batches evaluated events, routes each to the shard that holds its key's
 * detector state, and completes the spine's decisions with what the shard's detectors and playbooks
 * found, then hands fired playbooks' signals on. Where the shards live (Cluster Sharding) is behind
 * {@link dev.ben.streams.detector.DetectorShards}.
 */
package dev.ben.streams.detector;
