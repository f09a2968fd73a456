package dev.ben.streams.store.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.store.RowSelection;
import dev.ben.streams.store.replica.ReplicaPage.Watermark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page's last key names the next watermark; the copy binds both ends in its condition's order.
 */
class ReplicaPageTest {

  @Test
  void aKeyIsTheDateTimeTextThenTheEventId() {
    assertEquals(
        new Watermark("2024-05-01 10:00:09", "2024-o'neil"),
        Watermark.ofKey("2024-05-01 10:00:092024-o'neil"));
  }

  @Test
  void theCopyIsBoundPastOneWatermarkAndUpToTheNext() {
    Watermark from = new Watermark("2024-05-01 10:00:00", "a");
    Watermark to = new Watermark("2024-05-01 10:00:05", "b");
    assertEquals(
        List.of(
            "2024-05-01 10:00:00",
            "2024-05-01 10:00:00",
            "a",
            "2024-05-01 10:00:05",
            "2024-05-01 10:00:05",
            "b"),
        ReplicaPage.between(from, to));
    assertEquals(6, ReplicaPage.BETWEEN.chars().filter(c -> c == '?').count());
  }

  @Test
  void theCopyIsNarrowedToTheFirstWatermarksSecondWhoseParameterComesFirst() {
    Watermark from = new Watermark("2024-05-01 10:00:00", "a");
    Watermark to = new Watermark("2024-05-01 10:00:05", "b");
    RowSelection copy = ReplicaPage.copy(from, to);
    assertEquals(ReplicaPage.SINCE, copy.narrowing());
    assertEquals(ReplicaPage.BETWEEN, copy.exact());
    List<Object> parameters = new ArrayList<>(List.of("2024-05-01 10:00:00"));
    parameters.addAll(ReplicaPage.between(from, to));
    assertEquals(parameters, copy.parameters());
  }

  @Test
  void thePageEndReadsOnlyTheWatermarksSecondFromTheWholeTableOnClickHouse() {
    Watermark mark = new Watermark("2024-05-01 10:00:00", "a");
    RowSelection past = ReplicaPage.past(mark);
    String clickHouse = ReplicaPage.end("logins", 10, past.clause(true));
    assertTrue(clickHouse.contains(" FINAL PREWHERE " + ReplicaPage.SINCE + " WHERE "), clickHouse);
    String embedded = ReplicaPage.end("logins", 10, past.clause(false));
    assertTrue(embedded.contains(" FINAL WHERE (" + ReplicaPage.SINCE + ") AND "), embedded);
    for (String sql : List.of(clickHouse, embedded)) {
      assertEquals(past.parameters().size(), sql.chars().filter(c -> c == '?').count(), sql);
    }
    assertEquals(
        List.of("2024-05-01 10:00:00", "2024-05-01 10:00:00", "2024-05-01 10:00:00", "a"),
        past.parameters(),
        "the narrowing's parameter first");
  }
}
