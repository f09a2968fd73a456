package dev.ben.streams.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StoreBatchesTest {

  private static List<Envelope> events(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> new Envelope("e" + i, "p", "app", 0, JsonNodeFactory.instance.objectNode()))
        .toList();
  }

  @Test
  void aBatchIsCutIntoConsecutiveBatchesOfAtMostTheSize() {
    List<List<Envelope>> parts = StoreBatches.split(events(0, 25), 10);
    assertEquals(List.of(events(0, 10), events(10, 20), events(20, 25)), parts);
  }

  @Test
  void batchesAreJoinedInOrderAndASingleOneIsKeptAsItIs() {
    List<Envelope> one = events(0, 3);
    assertSame(one, StoreBatches.joined(List.of(one)));
    assertEquals(events(0, 9), StoreBatches.joined(List.of(one, events(3, 4), events(4, 9))));
  }
}
