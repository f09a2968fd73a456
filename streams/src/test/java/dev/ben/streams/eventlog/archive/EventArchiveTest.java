package dev.ben.streams.eventlog.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.EmbeddedStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The log's history on the embedded store. */
class EventArchiveTest extends EventArchiveContract {

  @TempDir Path dir;

  @Override
  protected AnalyticalStore open() {
    return EmbeddedStore.open(dir.resolve("store.duckdb"), new ObjectMapper());
  }
}
