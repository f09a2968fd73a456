package dev.ben.actors.ledger;

import dev.ben.actors.bridge.MessagePlane;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.config.LedgerSettings;
import dev.ben.streams.access.StoreAccess;
import dev.ben.streams.eventlog.emit.EventEmitter;
import dev.ben.streams.ledger.HeaderWatch;
import dev.ben.streams.ledger.LedgerStore;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one incarnation of the ledger works with: its store (opened when the singleton starts on
 * this node and closed when it stops, so a moved singleton never holds a store twice), the
 * bookkeeping over it, the activations in flight, store access, the notice plane, the orchestrator
 * it declares pipelines to, its settings, and the emitter of the node it runs on, through which its
 * steps reach the event log.
 */
public final class LedgerParts implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LedgerParts.class);

  /** Everything needed to open the parts, given once to the singleton's behavior. */
  public record Factory(
      Supplier<LedgerStore> store,
      StoreAccess access,
      TrustedKeySources trusted,
      LedgerSettings settings,
      MessagePlane<ContractNotice> notices,
      ActorRef<Orchestrator.Command> orchestrator,
      EventEmitter events) {

    LedgerParts open(Runnable onHeaderChange) {
      LedgerStore opened = store.get();
      try {
        return new LedgerParts(opened, this, opened.watchHeaders(change -> onHeaderChange.run()));
      } catch (RuntimeException e) {
        opened.close();
        throw e;
      }
    }
  }

  final LedgerStore store;
  final LedgerBook book;
  final ActivationRecords records;
  final InFlightActivations inFlight = new InFlightActivations();
  final ActivationFlow flow;
  final StoreAccess access;
  final MessagePlane<ContractNotice> notices;
  final ActorRef<Orchestrator.Command> orchestrator;
  final TrustedKeySources trusted;
  final LedgerSettings settings;
  private final HeaderWatch watch;

  private LedgerParts(LedgerStore store, Factory factory, HeaderWatch watch) {
    this.store = store;
    this.book =
        new LedgerBook(
            store,
            factory.trusted(),
            System::currentTimeMillis,
            new LedgerEmitter(factory.events()));
    this.records =
        new ActivationRecords(
            book,
            factory.access(),
            factory.settings().activationTimeout(),
            System::currentTimeMillis);
    this.access = factory.access();
    this.notices = factory.notices();
    this.flow = new ActivationFlow(records, inFlight, notices);
    this.orchestrator = factory.orchestrator();
    this.trusted = factory.trusted();
    this.settings = factory.settings();
    this.watch = watch;
    records.recover();
  }

  String describe() {
    return "configured trusted keys " + trusted.configured().keyIds();
  }

  @Override
  public void close() {
    try {
      watch.close();
    } catch (Exception e) {
      log.warn("stopping the header watch failed: {}", e.getMessage());
    }
    store.close();
  }
}
