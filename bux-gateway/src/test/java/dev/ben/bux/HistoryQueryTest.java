package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {

  private static HistoryQuery parse(String since, String series) throws HistoryQuery.Invalid {
    return HistoryQuery.parse(Optional.ofNullable(since), Optional.ofNullable(series));
  }

  @Test
  void noParametersAskForEverything() throws Exception {
    assertEquals(new HistoryQuery(0, Set.of()), parse(null, null));
    assertEquals(new HistoryQuery(0, Set.of()), parse(null, " , "));
  }

  @Test
  void sinceIsEpochMillisecondsOrAnIsoInstant() throws Exception {
    assertEquals(1764892800000L, parse("1764892800000", null).sinceMs());
    assertEquals(1764892800000L, parse("2025-12-05T00:00:00Z", null).sinceMs());
  }

  @Test
  void seriesAreSplitAtCommasOutsideLabels() throws Exception {
    assertEquals(
        Set.of(
            "jvm_threads_current",
            "ben_stage_events_total{outcome=\"accepted\",pipeline=\"a,b\"}",
            "ben_ingest_refused_total"),
        parse(
                null,
                "jvm_threads_current, ben_stage_events_total{outcome=\"accepted\",pipeline=\"a,b\"},"
                    + "ben_ingest_refused_total")
            .series());
  }

  @Test
  void aBadSinceIsRefusedNamingTheParameter() {
    HistoryQuery.Invalid e =
        assertThrows(HistoryQuery.Invalid.class, () -> parse("yesterday", null));
    assertTrue(e.getMessage().startsWith("since must be epoch milliseconds"), e.getMessage());
    assertThrows(HistoryQuery.Invalid.class, () -> parse("-5", null));
  }

  @Test
  void aSeriesFilterThatIsTooLongIsRefused() {
    String many = "a,".repeat(HistoryQuery.MAX_SERIES_NAMES) + "z";
    assertTrue(
        assertThrows(HistoryQuery.Invalid.class, () -> parse(null, many))
            .getMessage()
            .startsWith("series names 101"));
    String huge = "x".repeat(HistoryQuery.MAX_SERIES_CHARS + 1);
    assertTrue(
        assertThrows(HistoryQuery.Invalid.class, () -> parse(null, huge))
            .getMessage()
            .startsWith("series is 8193 characters long"));
  }
}
