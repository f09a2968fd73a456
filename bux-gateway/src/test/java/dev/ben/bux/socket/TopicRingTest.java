package dev.ben.bux.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicRingTest {

  private static TopicRing ringWith(int capacity, int items) {
    TopicRing ring = new TopicRing(capacity);
    for (int i = 1; i <= items; i++) {
      ring.append(1000 + i, IntNode.valueOf(i));
    }
    return ring;
  }

  private static List<Long> seqs(TopicRing.Batch batch) {
    return batch.items().stream().map(TopicItem::seq).toList();
  }

  @Test
  void itemsAreNumberedFromOneAndReadAfterAPosition() {
    TopicRing ring = ringWith(4, 3);
    assertEquals(3, ring.last());
    TopicRing.Batch batch = ring.after(1, 10);
    assertEquals(0, batch.missed());
    assertEquals(List.of(2L, 3L), seqs(batch));
    assertEquals(1003, batch.items().get(1).at());
    assertTrue(ring.after(3, 10).isEmpty(), "nothing after the newest");
    assertEquals(List.of(1L), seqs(ring.after(0, 1)), "at most max items");
  }

  @Test
  void aReaderBehindWhatIsHeldGetsTheNumberItMissedThenTheOldestHeld() {
    TopicRing ring = ringWith(4, 10);
    TopicRing.Batch batch = ring.after(2, 10);
    assertEquals(4, batch.missed(), "3 to 6 are gone");
    assertEquals(List.of(7L, 8L, 9L, 10L), seqs(batch));
    assertEquals(10, batch.endingAfter(2));
    assertEquals(6, ring.after(0, 10).missed());
  }

  @Test
  void aPositionBeyondTheNewestReadsFromTheStart() {
    TopicRing ring = ringWith(4, 3);
    assertEquals(List.of(1L, 2L, 3L), seqs(ring.after(99, 10)));
    assertTrue(new TopicRing(2).after(5, 10).isEmpty(), "an empty ring has nothing to miss");
  }

  @Test
  void aBatchOfOnlyAGapMovesTheReaderPastIt() {
    TopicRing.Batch gapOnly = new TopicRing.Batch(3, List.of());
    assertEquals(8, gapOnly.endingAfter(5));
  }
}
