package dev.ben.actors.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.BenSettings;
import dev.ben.contracts.bundle.KeyFileException;
import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.streams.access.StoreAccess;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.connect.Connectors;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.EventLogStore;
import dev.ben.streams.eventlog.NatsEventLogStore;
import dev.ben.streams.eventlog.RocksEventLogStore;
import dev.ben.streams.ledger.LedgerStore;
import dev.ben.streams.ledger.NatsLedgerStore;
import dev.ben.streams.ledger.RocksLedgerStore;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.store.StoreInserts;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the services of a real node from its settings: connectors, the store writer, the blocking
 * executor.
 */
public final class NodeServicesFactory {

  private static final Logger log = LoggerFactory.getLogger(NodeServicesFactory.class);

  private NodeServicesFactory() {}

  public static NodeServices open(BenSettings settings) {
    ObjectMapper mapper = new ObjectMapper();
    Connectors connectors = Connectors.open(settings.connectors(), settings.dataDir(), mapper);
    connectors.describe().forEach((name, where) -> log.info("{}: {}", name, where));
    EventLogStore events;
    try {
      events = eventLogStore(settings, connectors);
    } catch (RuntimeException e) {
      connectors.close();
      throw e;
    }
    try {
      DataMigrator migrator = new DataMigrator(connectors.store(), mapper);
      MetricsRegistry metrics = new MetricsRegistry().withJvmMetrics();
      return new NodeServices(
          metrics,
          mapper,
          RawEventTable.writer(migrator, mapper, StoreInserts.timed(metrics)),
          migrator,
          blockingExecutor(),
          connectors.describe(),
          connectors.index(),
          control(settings, connectors, events),
          () -> {
            events.close();
            connectors.close();
          });
    } catch (RuntimeException e) {
      events.close();
      connectors.close();
      throw e;
    }
  }

  /**
   * The event log follows NATS when it is configured, as the ledger's store does, so every node
   * reads and appends to the same log; else it is this node's own, under its data folder.
   */
  private static EventLogStore eventLogStore(BenSettings settings, Connectors connectors) {
    EventLogStore store =
        connectors
            .nats()
            .<EventLogStore>map(
                nats -> NatsEventLogStore.open(nats, settings.eventLog(), Clock.systemUTC()))
            .orElseGet(
                () ->
                    RocksEventLogStore.open(
                        settings.dataDir().resolve("eventlog"), Clock.systemUTC()));
    log.info(
        "event log: {}",
        connectors.nats().isPresent()
            ? "NATS stream " + settings.eventLog().stream()
            : settings.dataDir().resolve("eventlog").toString());
    return store;
  }

  /**
   * The ledger's store, and the identities, follow NATS when it is configured, so the ledger
   * singleton can move between nodes.
   */
  static ControlServices control(
      BenSettings settings, Connectors connectors, EventLogStore events) {
    Supplier<LedgerStore> ledger =
        connectors
            .nats()
            .<Supplier<LedgerStore>>map(nats -> () -> NatsLedgerStore.open(nats, settings.ledger()))
            .orElse(
                () ->
                    RocksLedgerStore.open(settings.dataDir().resolve("ledger"), settings.ledger()));
    TrustedKeys trusted;
    try {
      trusted = TrustedKeys.load(settings.ledger().trustedKeys());
    } catch (KeyFileException e) {
      throw new IllegalStateException("ben.ledger.trusted-keys: " + e.getMessage(), e);
    }
    IdentityStore identities = NodeIdentities.open(settings, connectors.nats(), connectors.index());
    log.info("identities: {}", identities.describe());
    byte[] hashKey = HashKeyFile.loadOrCreate(settings.spine().hashKeyFile());
    HashKeyAgreement.check(identities, hashKey, settings.spine().hashKeyFile());
    return new ControlServices(
        new StoreAccess(connectors.blobs(), connectors.index()),
        ledger,
        connectors.nats(),
        trusted,
        hashKey,
        identities,
        NodeIdentities.prepare(settings, identities),
        BuiltInComponents.logOn(events, settings.eventLog(), Clock.systemUTC()));
  }

  /**
   * Store and other blocking I/O run here, never on the dispatcher threads that run the streams.
   */
  private static ExecutorService blockingExecutor() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        4,
        runnable -> {
          Thread thread = new Thread(runnable, "ben-blocking-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
