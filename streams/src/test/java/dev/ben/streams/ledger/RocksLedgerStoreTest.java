package dev.ben.streams.ledger;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on the embedded default, RocksDB in a temporary directory. */
class RocksLedgerStoreTest extends LedgerStoreContract {

  @TempDir Path dir;

  @Override
  protected LedgerStore create() {
    return RocksLedgerStore.open(dir.resolve("ledger"), settings("unused", "unused"));
  }

  @Override
  protected LedgerStore reopen() {
    return create();
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefusedWhileTheFirstIsOpen() {
    IllegalStateException e = assertThrows(IllegalStateException.class, this::create);
    assertTrue(e.getMessage().contains("another Ben node"), e.getMessage());
  }
}
