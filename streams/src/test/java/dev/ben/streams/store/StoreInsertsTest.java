package dev.ben.streams.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.metrics.Buckets;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreInsertsTest {

  /** A store that keeps the inserts it is asked for, or refuses every one. */
  private static final class Recording implements AnalyticalStore {
    final List<String> inserted = new ArrayList<>();
    final boolean refuse;

    Recording(boolean refuse) {
      this.refuse = refuse;
    }

    @Override
    public void execute(String sql) {}

    @Override
    public void insertJsonRows(String table, List<String> jsonRows) {
      if (refuse) {
        throw new StoreException("down");
      }
      inserted.add(table + ":" + jsonRows.size());
    }

    @Override
    public List<ObjectNode> queryJson(String sql) {
      return List.of();
    }

    @Override
    public String describe() {
      return "recording";
    }

    @Override
    public boolean embedded() {
      return true;
    }

    @Override
    public void close() {}
  }

  private static TypedRows rows(int count) {
    TypedRows rows = new TypedRows(List.of("n"), count);
    for (int i = 0; i < count; i++) {
      rows.add(new Object[] {(long) i});
    }
    return rows;
  }

  @Test
  void eachCompletedInsertIsTimedByTableAndItsRowsCountedByPipeline() {
    MetricsRegistry metrics = new MetricsRegistry();
    Recording store = new Recording(false);
    StoreInserts inserts = StoreInserts.timed(metrics);

    inserts.insert(store, "auth", "logins", rows(3));
    inserts.insert(store, "auth", "logins", rows(2));
    inserts.insert(store, "auth", "ben_events", rows(1));

    assertEquals(List.of("logins:3", "logins:2", "ben_events:1"), store.inserted);
    assertEquals(
        2,
        metrics.value(
            StoreInserts.WRITE_SECONDS, Labels.of("pipeline", "auth", "table", "logins")));
    assertEquals(
        1,
        metrics.value(
            StoreInserts.WRITE_SECONDS, Labels.of("pipeline", "auth", "table", "ben_events")));
    assertEquals(3, metrics.value(StoreInserts.BATCH_ROWS, Labels.of("pipeline", "auth")));
    assertEquals(
        6.0,
        metrics
            .histogram(
                StoreInserts.BATCH_ROWS, "", Labels.of("pipeline", "auth"), Buckets.BATCH_SIZE)
            .getSum());
  }

  @Test
  void aFailedInsertIsNotTimed() {
    MetricsRegistry metrics = new MetricsRegistry();
    StoreInserts inserts = StoreInserts.timed(metrics);

    assertThrows(
        StoreException.class, () -> inserts.insert(new Recording(true), "auth", "logins", rows(1)));

    assertEquals(0, metrics.value(StoreInserts.BATCH_ROWS, Labels.of("pipeline", "auth")));
  }
}
