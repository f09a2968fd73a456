package dev.ben.actors.ledger;

import dev.ben.actors.testing.PingContracts;
import dev.ben.config.LedgerSettings;
import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.streams.access.StoreAccess;
import dev.ben.streams.blob.LocalBlobStore;
import dev.ben.streams.ledger.RocksLedgerStore;
import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger's plain parts on a temporary folder, assembled as the ledger actor assembles them,
 * with a clock the test moves: a RocksDB store, store access, the book (trusting the ping
 * contracts' key) and the activation records.
 */
final class TestLedger implements AutoCloseable {

  static final Duration ACTIVATION_TIMEOUT = Duration.ofSeconds(30);

  final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
  final PingContracts contracts;
  final RocksLedgerStore store;
  final StoreAccess access;
  final LedgerBook book;
  final ActivationRecords records;

  TestLedger(Path dir) throws Exception {
    contracts = new PingContracts(dir.resolve("keys"));
    store = openStore(dir.resolve("ledger"));
    access =
        new StoreAccess(
            new LocalBlobStore(dir.resolve("blobs")), RocksIndex.open(dir.resolve("index")));
    TrustedKeys trusted = TrustedKeys.load(List.of(contracts.publicKey()));
    book = new LedgerBook(store, () -> trusted, () -> clock.addAndGet(1000));
    records = new ActivationRecords(book, access, ACTIVATION_TIMEOUT, clock::get);
  }

  /** A RocksDB ledger store with small, test-sized limits. */
  static RocksLedgerStore openStore(Path dir) {
    return RocksLedgerStore.open(
        dir,
        new LedgerSettings(
            1 << 20,
            4096,
            "kv",
            "objects",
            ACTIVATION_TIMEOUT,
            List.of(),
            Duration.ofSeconds(5),
            Duration.ofMillis(200),
            25));
  }

  @Override
  public void close() {
    access.close();
    store.close();
  }
}
