package dev.ben.streams.store.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.streams.store.replica.ReplicaPage.Watermark;
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
}
