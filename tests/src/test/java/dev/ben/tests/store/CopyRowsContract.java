package dev.ben.tests.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.RowSelection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code copyRows} on every store: the rows a condition selects go into a table whose columns are
 * in another order, each value into the column of its name; a row copied twice is stored once; a
 * parameter stays a value however it is quoted.
 */
abstract class CopyRowsContract {

  protected static final ObjectMapper JSON = new ObjectMapper();

  protected AnalyticalStore store;

  protected abstract AnalyticalStore open();

  @BeforeEach
  void openStore() {
    store = open();
    store.execute(
        "CREATE TABLE source (event_id String, ingested_at DateTime, n UInt32, tags Array(String),"
            + " note Nullable(String)) ENGINE = ReplacingMergeTree(ingested_at)"
            + " ORDER BY (ingested_at, event_id)");
    store.execute(
        "CREATE TABLE target (note Nullable(String), tags Array(String), n UInt32,"
            + " ingested_at DateTime, event_id String) ENGINE = ReplacingMergeTree(ingested_at)"
            + " ORDER BY (ingested_at, event_id)");
    store.insertJsonRows(
        "source",
        List.of(
            "{\"event_id\":\"a\",\"ingested_at\":\"2024-05-01 10:00:00\",\"n\":1,\"tags\":[],"
                + "\"note\":null}",
            "{\"event_id\":\"b\",\"ingested_at\":\"2024-05-01 10:00:01\",\"n\":2,"
                + "\"tags\":[\"x\",\"y\"],\"note\":\"bee\"}",
            "{\"event_id\":\"o'neil\",\"ingested_at\":\"2024-05-01 10:00:02\",\"n\":3,"
                + "\"tags\":[\"z\"],\"note\":null}"));
  }

  @AfterEach
  void closeStore() {
    store.execute("DROP TABLE IF EXISTS source");
    store.execute("DROP TABLE IF EXISTS target");
    store.close();
  }

  private List<ObjectNode> target() {
    return store.queryJson("SELECT * FROM target FINAL ORDER BY event_id");
  }

  @Test
  void theSelectedRowsFillTheTargetsColumnsByName() {
    store.copyRows(
        "source", "target", RowSelection.where("n >= ? AND event_id < ?", List.of(2, "c")));
    List<ObjectNode> rows = target();
    assertEquals(1, rows.size(), rows.toString());
    ObjectNode row = rows.get(0);
    assertEquals("b", row.get("event_id").asText());
    assertEquals("2024-05-01 10:00:01", row.get("ingested_at").asText());
    assertEquals(2, row.get("n").asInt());
    assertEquals(
        List.of("x", "y"),
        List.of(row.get("tags").get(0).asText(), row.get("tags").get(1).asText()));
    assertEquals("bee", row.get("note").asText());
  }

  @Test
  void aRowCopiedTwiceIsStoredOnce() {
    store.copyRows("source", "target", RowSelection.where("n <= ?", List.of(2)));
    store.copyRows("source", "target", RowSelection.where("n >= ?", List.of(1)));
    List<ObjectNode> rows = target();
    assertEquals(
        List.of("a", "b", "o'neil"), rows.stream().map(r -> r.get("event_id").asText()).toList());
    assertTrue(rows.get(0).get("note").isNull(), "a null stays null");
  }

  @Test
  void aNarrowingSelectsWithTheExactConditionItsParametersFirst() {
    store.copyRows("source", "target", new RowSelection("n >= ?", "event_id < ?", List.of(2, "c")));
    List<ObjectNode> rows = target();
    assertEquals(List.of("b"), rows.stream().map(r -> r.get("event_id").asText()).toList());
  }

  @Test
  void aQuotedParameterIsOnlyAValue() {
    store.copyRows("source", "target", RowSelection.where("event_id = ?", List.of("o'neil")));
    store.copyRows(
        "source", "target", RowSelection.where("event_id = ?", List.of("x' OR '1' = '1")));
    List<ObjectNode> rows = target();
    assertEquals(1, rows.size(), rows.toString());
    assertEquals("o'neil", rows.get(0).get("event_id").asText());
  }
}
