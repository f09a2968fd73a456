package dev.ben.tests.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.EmbeddedStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed rows go straight into DuckDB's appender in the embedded store. */
class EmbeddedTypedRowsIT extends TypedRowsContract {

  @TempDir Path dir;

  @Override
  protected AnalyticalStore open() {
    return EmbeddedStore.open(dir.resolve("typed.duckdb"), JSON);
  }

  /** The contract's tests run against a DuckDB file of their own. */
  @Test
  void theContractRunsOnTheEmbeddedStoresFile() {
    assertTrue(store.embedded());
    assertTrue(Files.exists(dir.resolve("typed.duckdb")));
  }
}
