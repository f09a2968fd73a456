package dev.ben.actors.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.BenSettings;
import dev.ben.contracts.bundle.KeyFileException;
import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.streams.access.StoreAccess;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.connect.Connectors;
import dev.ben.streams.eventlog.Components;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.EventLogStore;
import dev.ben.streams.eventlog.EventTypes;
import dev.ben.streams.eventlog.RocksEventLogStore;
import dev.ben.streams.ledger.LedgerStore;
import dev.ben.streams.ledger.NatsLedgerStore;
import dev.ben.streams.ledger.RocksLedgerStore;
import dev.ben.streams.metrics.MetricsRegistry;
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
    EventLogStore events = null;
    try {
      connectors.describe().forEach((name, where) -> log.info("{}: {}", name, where));
      events = RocksEventLogStore.open(settings.dataDir().resolve("eventlog"), Clock.systemUTC());
      EventLogStore opened = events;
      DataMigrator migrator = new DataMigrator(connectors.store(), mapper);
      return new NodeServices(
          new MetricsRegistry(),
          mapper,
          RawEventTable.writer(migrator, mapper),
          migrator,
          blockingExecutor(),
          connectors.describe(),
          connectors.index(),
          control(settings, connectors, eventLog(settings, events)),
          () -> {
            opened.close();
            connectors.close();
          });
    } catch (RuntimeException e) {
      if (events != null) {
        events.close();
      }
      connectors.close();
      throw e;
    }
  }

  /**
   * The ledger's store, and the identities, follow NATS when it is configured, so the ledger
   * singleton can move between nodes.
   */
  static ControlServices control(BenSettings settings, Connectors connectors, EventLog eventLog) {
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
        eventLog);
  }

  /**
   * The node's event log with the built-in types, its recorded registrations read. RocksDB under
   * the data folder for now; with NATS the log belongs in JetStream, which the node's own events
   * wire up.
   */
  private static EventLog eventLog(BenSettings settings, EventLogStore store) {
    EventTypes types = EventTypes.builtIn(settings.eventLog());
    EventLog eventLog =
        new EventLog(store, types, new Components(types), settings.eventLog(), Clock.systemUTC());
    log.info("event log: {} components registered", eventLog.reloadComponents());
    return eventLog;
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
