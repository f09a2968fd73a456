package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.history.SeriesSample;
import dev.ben.streams.metrics.Labels;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/metrics/totals} over a real socket, on a history port in memory. */
class TotalsRoutesTest extends BoundGateway {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String stage(String stage, String outcome) {
    return "ben_stage_events_total"
        + Labels.of("outcome", outcome, "pipeline", "auth", "reason", "", "stage", stage);
  }

  private static SeriesSample sample(long accepted, long stored) {
    SeriesSample sample = new SeriesSample(10);
    sample.counter(stage("sidecar", "accepted"), accepted);
    sample.counter(stage("store", "stored"), stored);
    sample.gauge(
        "ben_stage_batch_seconds"
            + Labels.of("pipeline", "auth", "quantile", "0.99", "stage", "store"),
        0.25);
    sample.gauge("jvm_threads", 40);
    return sample;
  }

  private HttpResponse<String> totals() throws Exception {
    return server.get("/api/v1/metrics/totals", ports.token());
  }

  private long counted(String status) {
    return ports.metrics.value(
        "ben_gateway_requests_total", Labels.of("route", "metrics_totals", "status", status));
  }

  @Test
  void sumsTheNodesNewestPointsIntoStagesLossAndLatencyNamingEveryNode() throws Exception {
    ports.history.ring("node-a").add(InMemoryHistory.NOW - 4000, sample(1, 1));
    ports.history.ring("node-a").add(InMemoryHistory.NOW - 2000, sample(10, 6));
    ports.history.ring("node-b").add(InMemoryHistory.NOW - 1000, sample(5, 5));
    ports.history.ring("old").add(InMemoryHistory.NOW - 40_000, sample(100, 100));
    ports.history.silent("node-c", "did not answer within 2000 ms");

    HttpResponse<String> response = totals();

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(ClusterTotals.FAMILIES, ports.history.askedSeries);
    JsonNode body = JSON.readTree(response.body());
    assertEquals(InMemoryHistory.NOW, body.get("at").asLong());
    assertEquals(6000, body.get("stale_after_ms").asLong());
    assertEquals(
        JSON.readTree(
            "[{\"node\":\"node-a\",\"counted\":true,\"sampled_at\":"
                + (InMemoryHistory.NOW - 2000)
                + ",\"age_ms\":2000},"
                + "{\"node\":\"node-b\",\"counted\":true,\"sampled_at\":"
                + (InMemoryHistory.NOW - 1000)
                + ",\"age_ms\":1000},"
                + "{\"node\":\"node-c\",\"counted\":false,\"sampled_at\":null,\"age_ms\":null,"
                + "\"error\":\"did not answer within 2000 ms\"},"
                + "{\"node\":\"old\",\"counted\":false,\"sampled_at\":"
                + (InMemoryHistory.NOW - 40_000)
                + ",\"age_ms\":40000}]"),
        body.get("nodes"));
    assertEquals(
        JSON.readTree(
            "[{\"pipeline\":\"auth\",\"accepted\":15,\"forwarded\":0,\"stored\":11,\"refused\":0,"
                + "\"shed\":0,\"spilled\":0,\"routed\":0,\"expired\":0}]"),
        body.get("loss"));
    JsonNode accepted = body.get("stages").get(0);
    assertEquals("accepted", accepted.get("outcome").asText());
    assertEquals(15, accepted.get("value").asLong());
    assertEquals(4.5, accepted.get("rate").asDouble(), "node-a's 9 in 2 s; node-b's first point");
    assertEquals(
        JSON.readTree(
            "[{\"pipeline\":\"auth\",\"stage\":\"store\",\"p50_ms\":null,\"p99_ms\":250.0}]"),
        body.get("latency"));
    assertEquals(1, counted("200"));
  }

  @Test
  void withoutASessionItIsRefused() throws Exception {
    HttpResponse<String> response = server.get("/api/v1/metrics/totals");
    assertEquals(401, response.statusCode());
    assertEquals(1, counted("401"));
  }

  @Test
  void totalsThatCannotBeGatheredAre503() throws Exception {
    ports.history.unavailable();
    HttpResponse<String> response = totals();
    assertEquals(503, response.statusCode());
    assertTrue(
        JSON.readTree(response.body()).get("error").asText().contains("no receptionist"),
        response.body());
    assertEquals(1, counted("503"));
  }
}
