package dev.ben.streams.eventlog;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log contract on the embedded default, RocksDB in a temporary directory. */
class RocksEventLogStoreTest extends EventLogContract {

  @TempDir Path dir;

  @Override
  protected EventLogStore create() {
    return RocksEventLogStore.open(dir.resolve("eventlog"), clock);
  }

  @Override
  protected EventLogStore reopen() {
    return create();
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefusedWhileTheFirstIsOpen() {
    IllegalStateException e = assertThrows(IllegalStateException.class, this::create);
    assertTrue(e.getMessage().contains("another Ben node"), e.getMessage());
  }
}
