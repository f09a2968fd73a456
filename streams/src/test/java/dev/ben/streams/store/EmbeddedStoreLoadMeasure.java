package dev.ben.streams.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.store.tables.RawEventTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast the embedded store takes rows of {@code ben_events}'s shape, in batches the store stage
 * writes. A measurement, not a gate: run with {@code -Dben.measure=true}; it prints rows/s.
 */
@EnabledIfSystemProperty(named = "ben.measure", matches = "true")
class EmbeddedStoreLoadMeasure {

  private static final int ROWS = 200_000;
  private static final int BATCH = 5_000;
  private static final int WARM_UP_ROWS = 50_000;

  @TempDir Path dir;

  @Test
  void insertsBenEventsRowsInBatches() {
    try (EmbeddedStore store = EmbeddedStore.open(dir.resolve("m.duckdb"), new ObjectMapper())) {
      store.execute(RawEventTable.DDL);
      // A warm-up into a table of its own, so the number is the JIT-compiled steady state.
      String warmUp = RawEventTable.DDL.replace(RawEventTable.TABLE, "warm_up");
      store.execute(warmUp);
      for (int from = 0; from < WARM_UP_ROWS; from += BATCH) {
        store.insertJsonRows("warm_up", batch(from));
      }
      long started = System.nanoTime();
      for (int from = 0; from < ROWS; from += BATCH) {
        store.insertJsonRows(RawEventTable.TABLE, batch(from));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "embedded store: %d rows in %.2f s = %.0f rows/s%n", ROWS, seconds, ROWS / seconds);
      assertEquals(
          ROWS,
          store
              .queryJson("SELECT count() AS n FROM " + RawEventTable.TABLE)
              .get(0)
              .get("n")
              .asInt());
    }
  }

  private static List<String> batch(int from) {
    List<String> rows = new ArrayList<>(BATCH);
    for (int i = from; i < from + BATCH; i++) {
      rows.add(
          "{\"event_id\":\"evt-"
              + i
              + "\",\"pipeline\":\"logins\",\"app\":\"web\",\"received_at\":\"2026-11-23 10:00:00\","
              + "\"body\":\"{\\\"user\\\":\\\"u"
              + (i % 97)
              + "\\\",\\\"action\\\":\\\"login\\\",\\\"ok\\\":true}\",\"contract_version\":3,"
              + "\"decision\":\"[]\"}");
    }
    return rows;
  }
}
