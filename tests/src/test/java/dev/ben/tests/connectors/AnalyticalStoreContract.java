package dev.ben.tests.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.StoreException;
import dev.ben.tests.support.TestServers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every analytical store must do, run against ClickHouse and the embedded store alike. */
abstract class AnalyticalStoreContract {

  protected AnalyticalStore store;
  private String table;

  protected abstract AnalyticalStore open();

  @BeforeEach
  void createTable() {
    store = open();
    table = TestServers.unique("events");
    store.execute(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (event_id String, user String, attempts UInt32, "
            + "score Float64, received_at DateTime, country Nullable(String)) ENGINE = ReplacingMergeTree() "
            + "ORDER BY (user, event_id)");
  }

  @AfterEach
  void close() {
    store.execute("DROP TABLE IF EXISTS " + table);
    store.close();
  }

  private static List<String> rows(int from, int to) {
    List<String> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(
          "{\"event_id\":\"e"
              + i
              + "\",\"user\":\"u"
              + (i % 7)
              + "\",\"attempts\":"
              + i
              + ",\"score\":"
              + (i / 4.0)
              + ",\"received_at\":\"2026-11-23 10:00:00\",\"country\":"
              + (i % 2 == 0 ? "\"NL\"" : "null")
              + "}");
    }
    return rows;
  }

  @Test
  void aBatchInsertedIsReadBackRowForRow() {
    store.insertJsonRows(table, rows(0, 3000));
    List<ObjectNode> count =
        store.queryJson("SELECT count() AS n, sum(attempts) AS total FROM " + table);
    assertEquals(3000, count.get(0).get("n").asLong());
    assertEquals(2999L * 3000 / 2, count.get(0).get("total").asLong());
    ObjectNode row =
        store
            .queryJson(
                "SELECT event_id, user, attempts, score, received_at, country FROM "
                    + table
                    + " WHERE event_id = 'e10' FORMAT JSONEachRow")
            .get(0);
    assertEquals("u3", row.get("user").asText());
    assertEquals(10, row.get("attempts").asInt());
    assertEquals(2.5, row.get("score").asDouble());
    assertEquals("2026-11-23 10:00:00", row.get("received_at").asText());
    assertEquals("NL", row.get("country").asText());
    assertTrue(
        store
            .queryJson("SELECT country FROM " + table + " WHERE event_id = 'e11'")
            .get(0)
            .get("country")
            .isNull());
  }

  @Test
  void reinsertingABatchDoesNotDuplicateWhenReadWithFinal() {
    store.insertJsonRows(table, rows(0, 100));
    store.insertJsonRows(table, rows(50, 150));
    List<ObjectNode> count = store.queryJson("SELECT count() AS n FROM " + table + " FINAL");
    assertEquals(150, count.get(0).get("n").asLong());
  }

  @Test
  void aMissingTableIsAnErrorNamingIt() {
    StoreException e =
        assertThrows(
            StoreException.class,
            () -> store.insertJsonRows("no_such_table_here", List.of("{\"a\":1}")));
    assertTrue(e.getMessage().contains("no_such_table_here"), e.getMessage());
  }
}
