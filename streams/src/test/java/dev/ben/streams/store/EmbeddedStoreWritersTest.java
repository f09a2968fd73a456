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

/**
 * A large batch appended on two connections at once keeps the store's promises: every event once, a
 * repeated key's first row, and after a share fails, a retry that adds only what is missing.
 */
class EmbeddedStoreWritersTest {

  private static final List<String> COLUMNS = List.of("event_id", "n", "tags");
  private static final int ROWS = 3 * DuckDbWriters.ROWS_PER_SHARE_AT_LEAST;

  @TempDir Path dir;
  private EmbeddedStore store;

  @BeforeEach
  void open() {
    store =
        EmbeddedStore.open(
            dir.resolve("store.duckdb"), new ObjectMapper(), new EmbeddedSettings(256L << 20, 2));
    store.execute(
        "CREATE TABLE logins (event_id String, n UInt8, tags Array(String))"
            + " ENGINE = ReplacingMergeTree() ORDER BY event_id");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyRowOfALargeBatchIsStoredOnceAndARepeatedKeyKeepsItsFirstRow() {
    TypedRows rows = batch(n -> 1L);
    rows.add(new Object[] {"e7", 2L, List.of()});
    store.insertRows("logins", rows);

    assertEquals(ROWS, count());
    assertEquals(1, n("e7"));
    store.insertRows("logins", batch(n -> 3L));
    assertEquals(ROWS, count());
    assertEquals(1, n("e0"));
  }

  @Test
  void aFailedShareLeavesTheOthersStoredAndTheRetryAddsOnlyTheRest() {
    // One value out of UInt8's range fails its share; the other share commits on its own.
    TypedRows bad = batch(n -> n == 11 ? 300L : 1L);
    StoreException refused =
        assertThrows(StoreException.class, () -> store.insertRows("logins", bad));
    assertTrue(
        refused.getMessage().contains("inserting " + ROWS + " rows into logins on 2 connections"),
        refused.getMessage());
    long stored = count();
    assertTrue(stored > 0 && stored < ROWS, "one share stored, not both: " + stored);

    store.insertRows("logins", batch(n -> 5L));
    assertEquals(ROWS, count());
    List<ObjectNode> values = store.queryJson("SELECT DISTINCT n FROM logins ORDER BY n");
    assertEquals(2, values.size(), "the first share's rows kept, the rest from the retry");
    assertEquals(5, n("e11"));
  }

  private TypedRows batch(java.util.function.IntToLongFunction value) {
    TypedRows rows = new TypedRows(COLUMNS, ROWS + 1);
    for (int i = 0; i < ROWS; i++) {
      rows.add(new Object[] {"e" + i, value.applyAsLong(i), i % 5 == 0 ? List.of("x") : List.of()});
    }
    return rows;
  }

  private long count() {
    return store.queryJson("SELECT count(*) AS c FROM logins").get(0).get("c").asLong();
  }

  private int n(String eventId) {
    return store
        .queryJson("SELECT n FROM logins WHERE event_id = '" + eventId + "'")
        .get(0)
        .get("n")
        .asInt();
  }
}
