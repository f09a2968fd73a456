package dev.ben.streams.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed rows whose values have their columns' own types go straight into a keyed table; a stored
 * key sends the batch through staging, which keeps the first row, and a refused value stores none.
 */
class EmbeddedStoreTypedRowsTest {

  private static final List<String> COLUMNS =
      List.of("event_id", "n", "big", "score", "at", "tags", "country");

  @TempDir Path dir;
  private EmbeddedStore store;

  @BeforeEach
  void open() {
    store = EmbeddedStore.open(dir.resolve("store.duckdb"), new ObjectMapper());
    store.execute(
        "CREATE TABLE logins (event_id String, n UInt8, big UInt64, score Float64, at DateTime,"
            + " tags Array(String), country Nullable(String)) ENGINE = ReplacingMergeTree()"
            + " ORDER BY event_id");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void valuesOfTheColumnsOwnTypesAreReadBackAsWritten() {
    store.insertRows(
        "logins",
        rows(
            row(
                "a",
                255L,
                new BigInteger("18446744073709551615"),
                2.5,
                Instant.parse("2026-11-23T10:00:00Z"),
                Arrays.asList("x,y", null),
                null)));
    ObjectNode row = store.queryJson("SELECT * FROM logins").get(0);
    assertEquals(255, row.get("n").asInt());
    assertEquals("18446744073709551615", row.get("big").asText());
    assertEquals(2.5, row.get("score").asDouble());
    assertEquals("2026-11-23 10:00:00", row.get("at").asText());
    assertEquals("x,y", row.get("tags").get(0).asText());
    assertEquals(true, row.get("tags").get(1).isNull());
    assertEquals(true, row.get("country").isNull());
  }

  /**
   * An empty list is written as the column's default, the empty list, on every path: straight in,
   * through staging (a stored key), and through the casting appender (a value needing a cast); a
   * list column added later is empty, not null, for the rows stored before it.
   */
  @Test
  void anEmptyListIsStoredAsAnEmptyListOnEveryPath() {
    store.insertRows("logins", rows(row("a", 1L, 1L, 1.0, null, List.of(), "x")));
    store.insertRows(
        "logins",
        rows(
            row("a", 9L, 9L, 9.0, null, List.of(), "x"),
            row("b", 2L, 2L, 2.0, null, List.of(), "y")));
    store.insertRows("logins", rows(row("c", "3", 3L, 3.0, null, List.of(), "z")));
    store.execute("ALTER TABLE logins ADD COLUMN labels Array(String)");

    List<ObjectNode> rows =
        store.queryJson(
            "SELECT event_id, tags IS NULL AS tags_null, len(tags) AS tags_len,"
                + " labels IS NULL AS labels_null, len(labels) AS labels_len"
                + " FROM logins ORDER BY event_id");
    assertEquals(3, rows.size());
    for (ObjectNode row : rows) {
      assertEquals(false, row.get("tags_null").asBoolean(), row.toString());
      assertEquals(0, row.get("tags_len").asInt(), row.toString());
      assertEquals(false, row.get("labels_null").asBoolean(), row.toString());
      assertEquals(0, row.get("labels_len").asInt(), row.toString());
    }
  }

  @Test
  void aStoredKeyKeepsItsFirstRowAndTheRestOfTheBatchIsStored() {
    store.insertRows("logins", rows(row("a", 1L, 1L, 1.0, null, List.of(), "x")));
    store.insertRows(
        "logins",
        rows(
            row("b", 2L, 2L, 2.0, null, List.of(), "y"),
            row("a", 3L, 3L, 3.0, null, List.of(), "z"),
            row("b", 4L, 4L, 4.0, null, List.of(), "w")));
    List<ObjectNode> rows = store.queryJson("SELECT event_id, n FROM logins ORDER BY event_id");
    assertEquals(2, rows.size());
    assertEquals(1, rows.get(0).get("n").asInt());
    assertEquals(2, rows.get(1).get("n").asInt());
  }

  @Test
  void aKeyRepeatedWithinTheFirstBatchKeepsItsFirstRow() {
    store.insertRows(
        "logins",
        rows(
            row("a", 1L, 1L, 1.0, null, List.of(), "x"),
            row("b", 2L, 2L, 2.0, null, List.of(), "y"),
            row("a", 3L, 3L, 3.0, null, List.of(), "z")));
    List<ObjectNode> rows = store.queryJson("SELECT event_id, n FROM logins ORDER BY event_id");
    assertEquals(2, rows.size());
    assertEquals(1, rows.get(0).get("n").asInt());
    assertEquals(2, rows.get(1).get("n").asInt());
  }

  @Test
  void aValueThatNeedsACastIsCastAndTheWholeBatchIsStored() {
    store.insertRows(
        "logins",
        rows(
            row("a", 1L, 1L, 1.0, null, List.of(), "x"),
            row("b", "7", 2L, 2.0, null, List.of(), "y")));
    List<ObjectNode> rows = store.queryJson("SELECT event_id, n FROM logins ORDER BY event_id");
    assertEquals(2, rows.size());
    assertEquals(7, rows.get(1).get("n").asInt());
  }

  @Test
  void aValueOutOfItsColumnsRangeFailsTheBatchAndStoresNothing() {
    assertThrows(
        StoreException.class,
        () ->
            store.insertRows(
                "logins",
                rows(
                    row("a", 1L, 1L, 1.0, null, List.of(), "x"),
                    row("b", 256L, 1L, 1.0, null, List.of(), "x"))));
    store.insertRows("logins", rows(row("c", 1L, 1L, 1.0, null, List.of(), "x")));
    assertEquals(
        List.of("c"),
        store.queryJson("SELECT event_id FROM logins").stream()
            .map(r -> r.get("event_id").asText())
            .toList());
  }

  private static Object[] row(Object... values) {
    return values;
  }

  private static TypedRows rows(Object[]... rows) {
    TypedRows typed = new TypedRows(COLUMNS, rows.length);
    for (Object[] row : rows) {
      typed.add(row);
    }
    return typed;
  }
}
