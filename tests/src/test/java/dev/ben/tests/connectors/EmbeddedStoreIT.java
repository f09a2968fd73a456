package dev.ben.tests.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.EmbeddedStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The same store contract against the embedded default. */
class EmbeddedStoreIT extends AnalyticalStoreContract {

  @TempDir
  Path dir;

  @Override
  protected AnalyticalStore open() {
    return EmbeddedStore.open(dir.resolve("embedded.duckdb"), new ObjectMapper());
  }
}
