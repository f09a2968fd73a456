package dev.ben.actors.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.BenSettings;
import dev.ben.streams.detector.DetectorShards;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.spine.ContractSlots;
import dev.ben.streams.spine.PlaybookFirings;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.wal.IngestWal;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What every pipeline on a node shares: settings, the metrics registry, the live tap, the writer of
 * the store behind pass-through pipelines, the data migrator (whose store contract-driven pipelines
 * write their schema tables into), the executor blocking store calls run on, where fired playbooks'
 * signals go, where batches wait while the store is down, the contract slots of the pipelines
 * running here, the detector shards, and the node's ingest write-ahead log (none when {@code
 * ben.wal.enabled} is off).
 */
public record PipelineResources(
    BenSettings settings,
    MetricsRegistry metrics,
    LiveHub<String> live,
    BatchWriter storeWriter,
    DataMigrator migrator,
    Executor blockingExecutor,
    ObjectMapper mapper,
    PlaybookFirings signals,
    RocksIndex spillIndex,
    ContractSlots slots,
    DetectorShards detectors,
    Optional<IngestWal> wal) {}
