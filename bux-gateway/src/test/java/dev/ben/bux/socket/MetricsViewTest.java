package dev.ben.bux.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.metrics.StageLatency;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class MetricsViewTest {

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final MetricsView view = new MetricsView(new ObjectMapper(), metrics);

  private static JsonNode series(JsonNode data, String stage, String outcome) {
    return StreamSupport.stream(data.get("stages").spliterator(), false)
        .filter(s -> s.get("stage").asText().equals(stage))
        .filter(s -> s.get("outcome").asText().equals(outcome))
        .findFirst()
        .orElseThrow(() -> new AssertionError(stage + "/" + outcome + " in " + data));
  }

  @Test
  void ratesAreEventsPerSecondSinceThePreviousSnapshot() {
    StageCounters spine = new StageCounters(metrics, "auth", "spine");
    spine.accepted(10);
    JsonNode first = view.next(1_000, List.of());
    assertEquals(1_000, first.get("at").asLong());
    assertEquals(10, series(first, "spine", "accepted").get("value").asLong());
    assertTrue(series(first, "spine", "accepted").get("rate").isNull(), "no rate before a second");
    spine.accepted(30);
    JsonNode second = view.next(3_000, List.of());
    assertEquals(15.0, series(second, "spine", "accepted").get("rate").asDouble(), 1e-9);
    assertEquals(0.0, series(second, "spine", "forwarded").get("rate").asDouble(), 1e-9);
  }

  @Test
  void lossRowsAddUpOverEveryOutcomeOfEveryStage() {
    StageCounters sidecar = new StageCounters(metrics, "auth", "sidecar");
    StageCounters spine = new StageCounters(metrics, "auth", "spine");
    StageCounters store = new StageCounters(metrics, "auth", "store");
    sidecar.accepted(20);
    sidecar.count(Outcome.REFUSED, "malformed_json", 2);
    sidecar.forwarded(18);
    spine.accepted(18);
    spine.count(Outcome.SHED, "sampled", 3);
    spine.count(Outcome.ROUTED, "lucius", 1);
    spine.count(Outcome.EXPIRED, "ttl", 1);
    spine.forwarded(13);
    store.accepted(13);
    store.count(Outcome.STORED, "", 9);
    store.count(Outcome.SPILLED, "", 4);
    JsonNode loss = view.next(1_000, List.of()).get("loss");
    assertEquals(1, loss.size());
    JsonNode row = loss.get(0);
    assertEquals("auth", row.get("pipeline").asText());
    long accounted = 0;
    for (String outcome : LossRows.OUTCOMES) {
      accounted += row.get(outcome).asLong();
    }
    assertEquals(20, row.get("accepted").asLong());
    assertEquals(20, accounted, row.toString());
    assertEquals(4, row.get("spilled").asLong());
    assertEquals(1, row.get("routed").asLong());
    assertEquals(1, row.get("expired").asLong());
    assertEquals(0, row.get("forwarded").asLong(), "the store forwards nothing");
  }

  @Test
  void latencyRowsAreEachStagesBatchQuantilesSinceThePreviousSnapshot() {
    var store = StageLatency.of(metrics, "auth", "store");
    store.observe(4.0);
    JsonNode first = view.next(1_000, List.of("ben@10.0.0.1:2552")).get("latency");
    assertEquals(1, first.size(), first.toString());
    assertTrue(first.get(0).get("p99_ms").isNull(), "no interval before the first snapshot");
    for (int i = 0; i < 50; i++) {
      store.observe(0.003);
    }
    JsonNode data = view.next(3_000, List.of("ben@10.0.0.1:2552"));
    assertEquals("ben@10.0.0.1:2552", data.get("nodes").get(0).asText());
    JsonNode row = data.get("latency").get(0);
    assertEquals("auth", row.get("pipeline").asText());
    assertEquals("store", row.get("stage").asText());
    // Within the (2.5 ms, 5 ms] bucket: the 4 s batch before the first snapshot is not recent.
    assertTrue(row.get("p50_ms").asDouble() > 2.5 && row.get("p50_ms").asDouble() <= 5, row + "");
    assertTrue(row.get("p99_ms").asDouble() > 2.5 && row.get("p99_ms").asDouble() <= 5, row + "");
    assertTrue(view.next(5_000, List.of()).get("latency").get(0).get("p50_ms").isNull());
  }

  @Test
  void theJvmFiguresAreThisProcesss() {
    JsonNode jvm = view.next(1_000, List.of()).get("jvm");
    assertTrue(jvm.get("heap_used_bytes").asLong() > 0);
    assertTrue(jvm.get("threads").asInt() > 0);
    assertTrue(jvm.get("gc_seconds_total").asDouble() >= 0);
    assertTrue(jvm.has("heap_max_bytes"));
  }
}
