package dev.ben.tests.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.EmbeddedStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows copied by one INSERT OR IGNORE ... SELECT in the embedded store's DuckDB file. */
class EmbeddedCopyRowsIT extends CopyRowsContract {

  @TempDir Path dir;

  @Override
  protected AnalyticalStore open() {
    return EmbeddedStore.open(dir.resolve("copy.duckdb"), JSON);
  }

  @Test
  void theContractRunsOnTheEmbeddedStore() {
    assertTrue(store.embedded());
  }
}
