package dev.ben.streams.eventlog.archive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.EmbeddedStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's history on the embedded store. */
class EventArchiveTest extends EventArchiveContract {

  @TempDir Path dir;

  private AnalyticalStore opened;

  @Override
  protected AnalyticalStore open() {
    opened = EmbeddedStore.open(dir.resolve("store.duckdb"), new ObjectMapper());
    return opened;
  }

  /** The contract's tests run against DuckDB, the embedded default, not a stand-in. */
  @Test
  void theContractRunsOnTheEmbeddedStore() {
    assertTrue(opened.embedded());
    assertTrue(opened.describe().startsWith("embedded "), opened.describe());
  }
}
