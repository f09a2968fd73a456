package dev.ben.streams.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.config.ConnectorSettings.EmbeddedSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inserts through the appender keep the store's types and its idempotence on event_id. */
class EmbeddedStoreTest {

  @TempDir Path dir;
  private EmbeddedStore store;

  @BeforeEach
  void open() {
    store = EmbeddedStore.open(dir.resolve("store.duckdb"), new ObjectMapper());
    store.execute(
        "CREATE TABLE logins (event_id String, n UInt32, big UInt64, score Float64, ok UInt8, "
            + "at DateTime, tags Array(String), country Nullable(String)) ENGINE = ReplacingMergeTree() "
            + "ORDER BY event_id");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyColumnTypeIsReadBackAsWritten() {
    store.insertJsonRows(
        "logins",
        List.of(
            "{\"event_id\":\"a\",\"n\":7,\"big\":18446744073709551615,\"score\":2.5,\"ok\":true,"
                + "\"at\":\"2026-11-23 10:00:00\",\"tags\":[\"x,y\",3],\"country\":null}"));
    ObjectNode row = store.queryJson("SELECT * FROM logins").get(0);
    assertEquals(7, row.get("n").asInt());
    assertEquals("18446744073709551615", row.get("big").asText());
    assertEquals(2.5, row.get("score").asDouble());
    assertEquals(1, row.get("ok").asInt());
    assertEquals("2026-11-23 10:00:00", row.get("at").asText());
    assertEquals("x,y", row.get("tags").get(0).asText());
    assertEquals("3", row.get("tags").get(1).asText());
    assertTrue(row.get("country").isNull());
  }

  @Test
  void aRepeatedEventKeepsItsFirstRowWithinAndAcrossBatches() {
    store.insertJsonRows(
        "logins", List.of("{\"event_id\":\"a\",\"n\":1}", "{\"event_id\":\"a\",\"n\":2}"));
    store.insertJsonRows(
        "logins", List.of("{\"event_id\":\"a\",\"n\":3}", "{\"event_id\":\"b\",\"n\":4}"));
    List<ObjectNode> rows = store.queryJson("SELECT event_id, n FROM logins ORDER BY event_id");
    assertEquals(2, rows.size());
    assertEquals(1, rows.get(0).get("n").asInt());
    assertEquals(4, rows.get(1).get("n").asInt());
  }

  @Test
  void aColumnAddedLaterIsFilledByTheNextBatch() {
    store.insertJsonRows("logins", List.of("{\"event_id\":\"a\",\"n\":1}"));
    store.execute("ALTER TABLE logins ADD COLUMN device Nullable(String)");
    store.insertJsonRows("logins", List.of("{\"event_id\":\"b\",\"device\":\"phone\"}"));
    assertEquals(
        "phone",
        store
            .queryJson("SELECT device FROM logins WHERE event_id = 'b'")
            .get(0)
            .get("device")
            .asText());
  }

  @Test
  void aFailedBatchLeavesNothingBehind() {
    StoreException e =
        assertThrows(
            StoreException.class,
            () ->
                store.insertJsonRows(
                    "logins",
                    List.of("{\"event_id\":\"a\",\"n\":1}", "{\"event_id\":\"b\",\"n\":-1}")));
    assertTrue(e.getMessage().contains("logins"), e.getMessage());
    store.insertJsonRows("logins", List.of("{\"event_id\":\"c\",\"n\":1}"));
    assertEquals(
        List.of("c"),
        store.queryJson("SELECT event_id FROM logins").stream()
            .map(r -> r.get("event_id").asText())
            .toList());
  }

  @Test
  void aRowThatIsNotJsonIsNamedByNumber() {
    StoreException e =
        assertThrows(
            StoreException.class,
            () -> store.insertJsonRows("logins", List.of("{\"event_id\":\"a\"}", "{oops")));
    assertTrue(e.getMessage().startsWith("row 2 for logins is not JSON"), e.getMessage());
  }

  @Test
  void theConfiguredCheckpointThresholdIsTheDatabasesOwn() {
    try (EmbeddedStore configured =
        EmbeddedStore.open(
            dir.resolve("configured.duckdb"),
            new ObjectMapper(),
            new EmbeddedSettings(300L << 20, 1))) {
      String threshold =
          configured
              .queryJson("SELECT current_setting('checkpoint_threshold') AS t")
              .get(0)
              .get("t")
              .asText();
      String ownDefault =
          store
              .queryJson("SELECT current_setting('checkpoint_threshold') AS t")
              .get(0)
              .get("t")
              .asText();
      assertTrue(threshold.startsWith("300"), threshold);
      assertTrue(ownDefault.startsWith("16"), ownDefault);
    }
  }
}
