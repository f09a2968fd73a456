package dev.ben.streams.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.model.OverloadPolicy;
import dev.ben.contracts.model.ProxySettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyQueueTest {

  private static ProxyQueue<Integer> queue(OverloadPolicy policy) {
    return new ProxyQueue<>(new ProxySettings(4, 0.75, 0.25, policy, 1));
  }

  private static List<Integer> shedOffering(ProxyQueue<Integer> queue, int count) {
    List<Integer> shed = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Integer dropped = queue.offer(i);
      if (dropped != null) {
        shed.add(dropped);
      }
    }
    return shed;
  }

  private static List<Integer> drain(ProxyQueue<Integer> queue) {
    List<Integer> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      out.add(queue.poll());
    }
    return out;
  }

  @Test
  void backpressureStopsTakingWhenFullAndNeverSheds() {
    ProxyQueue<Integer> queue = queue(OverloadPolicy.BACKPRESSURE);
    assertEquals(List.of(), shedOffering(queue, 4));
    assertFalse(queue.accepting());
    assertThrows(IllegalStateException.class, () -> queue.offer(9));
    assertEquals(0, queue.poll());
    assertTrue(queue.accepting());
  }

  @Test
  void shedNewestKeepsTheFirstAndDropsWhatArrivesWhileFull() {
    ProxyQueue<Integer> queue = queue(OverloadPolicy.SHED_NEWEST);
    assertEquals(List.of(4, 5, 6), shedOffering(queue, 7));
    assertTrue(queue.accepting());
    assertEquals(List.of(0, 1, 2, 3), drain(queue));
  }

  @Test
  void shedOldestKeepsTheLatest() {
    ProxyQueue<Integer> queue = queue(OverloadPolicy.SHED_OLDEST);
    assertEquals(List.of(0, 1, 2), shedOffering(queue, 7));
    assertEquals(List.of(3, 4, 5, 6), drain(queue));
  }

  @Test
  void sampleKeepsEveryOtherArrivalWhileOverloadedAndEverythingOnceDrained() {
    ProxyQueue<Integer> queue = queue(OverloadPolicy.SAMPLE);
    assertEquals(List.of(), shedOffering(queue, 3));
    assertTrue(queue.overloaded(), "3 of 4 reaches the 0.75 high watermark");
    assertNull(queue.offer(10), "the first arrival while overloaded is kept");
    assertEquals(11, queue.offer(11), "full: the arrival is shed");
    assertEquals(0, queue.poll());
    assertEquals(1, queue.poll());
    assertTrue(queue.overloaded(), "2 of 4 is above the 0.25 low watermark");
    assertEquals(12, queue.offer(12), "every other arrival is shed while overloaded");
    queue.poll();
    queue.poll();
    assertFalse(queue.overloaded(), "drained to the low watermark");
    assertNull(queue.offer(13));
    assertNull(queue.offer(14));
  }
}
