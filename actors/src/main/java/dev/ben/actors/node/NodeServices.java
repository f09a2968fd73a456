package dev.ben.actors.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.store.migrate.DataMigrator;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Process-wide services created before the actor system: the metrics registry, the JSON mapper, the
 * writer of the store behind pass-through pipelines, the data migrator (the store's tables and
 * their one issuer of DDL), the executor blocking I/O runs on, where each connector points (for
 * /health), the node's local RocksDB index (store-access keys, batches spilled while the store is
 * down), the control plane's services, and what must be closed when the node stops. Tests build
 * their own (a slow store, say) and hand it to {@link RootGuardian}.
 */
public record NodeServices(
    MetricsRegistry metrics,
    ObjectMapper mapper,
    BatchWriter storeWriter,
    DataMigrator migrator,
    ExecutorService blockingExecutor,
    Map<String, String> connectors,
    RocksIndex localIndex,
    ControlServices control,
    AutoCloseable resources) {

  /** Closes the resources and the executor; called once the actor system has terminated. */
  public void close() throws Exception {
    blockingExecutor.shutdown();
    resources.close();
  }
}
