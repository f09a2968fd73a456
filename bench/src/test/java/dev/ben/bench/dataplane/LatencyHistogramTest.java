package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void smallValuesAreExactAndPercentilesFollowTheRanks() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (int micros = 1; micros <= 100; micros++) {
      histogram.recordMicros(micros);
    }
    assertEquals(100, histogram.count());
    assertEquals(50, histogram.percentileMicros(50));
    assertEquals(99, histogram.percentileMicros(99));
    assertEquals(100, histogram.percentileMicros(100));
  }

  @Test
  void largeValuesStayWithinTwoPercentAboveWhatWasRecorded() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      long value = 128 + (long) (random.nextDouble() * 10_000_000_000L);
      long edge = LatencyHistogram.upperEdge(LatencyHistogram.index(value));
      assertTrue(edge >= value && edge <= value * 1.02 + 1, value + " -> " + edge);
    }
  }

  @Test
  void anEmptyHistogramSaysZero() {
    assertEquals(0, new LatencyHistogram().percentileMicros(99));
  }
}
