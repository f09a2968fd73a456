package dev.ben.tests.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.EmbeddedStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same store contract against the embedded default. */
class EmbeddedStoreIT extends AnalyticalStoreContract {

  @TempDir Path dir;

  @Override
  protected AnalyticalStore open() {
    return EmbeddedStore.open(dir.resolve("embedded.duckdb"), new ObjectMapper());
  }

  @Test
  void rowsSurviveReopeningTheFile() {
    store.execute(
        "CREATE TABLE IF NOT EXISTS kept (event_id String, n UInt32) ENGINE = ReplacingMergeTree() "
            + "ORDER BY event_id");
    store.insertJsonRows("kept", List.of("{\"event_id\":\"a\",\"n\":7}"));
    store.close();
    store = open();
    assertTrue(store.embedded());
    assertEquals(7, store.queryJson("SELECT n FROM kept").get(0).get("n").asInt());
    store.execute("DROP TABLE kept");
  }
}
