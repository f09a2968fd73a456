package dev.ben.streams.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryRingTest {

  private static final String ACCEPTED = "ben_stage_events_total{outcome=\"accepted\"}";
  private static final String HEAP = "jvm_memory_used_bytes{area=\"heap\"}";

  private static SeriesSample sample(double accepted, double heap) {
    SeriesSample sample = new SeriesSample(100);
    sample.counter(ACCEPTED, accepted);
    sample.gauge(HEAP, heap);
    return sample;
  }

  @Test
  void keepsTheLastPointsOnlyOldestFirst() {
    HistoryRing ring = new HistoryRing(3);
    for (int i = 1; i <= 5; i++) {
      ring.add(i * 1000L, sample(i, 0));
    }
    assertEquals(3, ring.size());
    assertEquals(
        List.of(3000L, 4000L, 5000L),
        ring.since(0, SeriesFilter.ALL).stream().map(HistoryPoint::at).toList());
    assertEquals(
        List.of(5000L), ring.since(4000, SeriesFilter.ALL).stream().map(HistoryPoint::at).toList());
  }

  @Test
  void countersGetPerSecondRatesAgainstThePointBeforeAndGaugesNone() {
    HistoryRing ring = new HistoryRing(10);
    ring.add(10_000, sample(100, 5));
    ring.add(12_000, sample(160, 7));
    List<HistoryPoint> points = ring.since(0, SeriesFilter.ALL);

    assertEquals(Map.of(ACCEPTED, 100.0, HEAP, 5.0), points.get(0).series());
    assertEquals(Map.of(), points.get(0).rates(), "the first point has nothing to compare with");
    assertEquals(Map.of(ACCEPTED, 160.0, HEAP, 7.0), points.get(1).series());
    assertEquals(Map.of(ACCEPTED, 30.0), points.get(1).rates(), "60 more in 2 seconds");
  }

  @Test
  void aCounterLowerThanBeforeWasRestartedAndItsRateCountsFromZero() {
    HistoryRing ring = new HistoryRing(10);
    ring.add(1000, sample(1000, 0));
    ring.add(5000, sample(20, 0));
    assertEquals(5.0, ring.since(0, SeriesFilter.ALL).get(1).rates().get(ACCEPTED));
  }

  @Test
  void aCounterNewSinceThePointBeforeCountsFromZero() {
    HistoryRing ring = new HistoryRing(10);
    ring.add(1000, sample(0, 0));
    SeriesSample later = sample(0, 0);
    later.counter("ben_ingest_refused_total{reason=\"bad_key\"}", 3);
    ring.add(2000, later);
    assertEquals(
        3.0,
        ring.since(0, SeriesFilter.ALL)
            .get(1)
            .rates()
            .get("ben_ingest_refused_total{reason=\"bad_key\"}"));
  }

  @Test
  void aFilterKeepsWholeSeriesOrFamilies() {
    HistoryRing ring = new HistoryRing(10);
    ring.add(1000, sample(1, 2));
    ring.add(2000, sample(3, 4));
    HistoryPoint byFamily =
        ring.since(0, new SeriesFilter(Set.of("ben_stage_events_total"))).get(1);
    assertEquals(Set.of(ACCEPTED), byFamily.series().keySet());
    assertEquals(Set.of(ACCEPTED), byFamily.rates().keySet());
    HistoryPoint bySeries = ring.since(0, new SeriesFilter(Set.of(HEAP))).get(1);
    assertEquals(Map.of(HEAP, 4.0), bySeries.series());
    assertTrue(bySeries.rates().isEmpty());
    assertTrue(ring.since(0, new SeriesFilter(Set.of("nothing"))).get(0).series().isEmpty());
  }

  @Test
  void aFullSampleCutsTheRestAndThePointSaysHowMany() {
    SeriesSample sample = new SeriesSample(2);
    sample.gauge("a", 1);
    sample.counter("b_total", 2);
    sample.counter("c_total", 3);
    sample.gauge("d", 4);
    assertEquals(2, sample.cut());
    HistoryRing ring = new HistoryRing(1);
    ring.add(0, sample);
    HistoryPoint point = ring.since(-1, SeriesFilter.ALL).get(0);
    assertEquals(Map.of("a", 1.0, "b_total", 2.0), point.series());
    assertEquals(2, point.seriesCut());
    assertFalse(point.series().containsKey("c_total"));
  }

  @Test
  void anEmptyRingIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new HistoryRing(0));
  }
}
