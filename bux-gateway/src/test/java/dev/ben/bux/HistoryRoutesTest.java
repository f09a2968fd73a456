package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.history.SeriesSample;
import dev.ben.streams.metrics.Labels;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/metrics/history} over a real socket, on a history port in memory. */
class HistoryRoutesTest extends BoundGateway {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCEPTED = "ben_stage_events_total{outcome=\"accepted\"}";
  private static final String HEAP = "jvm_memory_used_bytes{area=\"heap\"}";

  private static SeriesSample sample(double accepted, double heap) {
    SeriesSample sample = new SeriesSample(10);
    sample.counter(ACCEPTED, accepted);
    sample.gauge(HEAP, heap);
    return sample;
  }

  private HttpResponse<String> history(String query) throws Exception {
    return server.get("/api/v1/metrics/history" + query, ports.token());
  }

  private long counted(String status) {
    return ports.metrics.value(
        "ben_gateway_requests_total", Labels.of("route", "metrics_history", "status", status));
  }

  @Test
  void answersEveryNodesPointsAndListsTheNodeThatDidNotAnswer() throws Exception {
    ports.history.ring("node-a").add(1000, sample(10, 100));
    ports.history.ring("node-a").add(3000, sample(30, 150.5));
    ports.history.ring("node-b").add(2000, sample(5, 7));
    ports.history.silent("node-c", "did not answer within 2s");

    HttpResponse<String> response = history("");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode body = JSON.readTree(response.body());
    assertEquals(InMemoryHistory.NOW, body.get("at").asLong());
    assertEquals(2000, body.get("interval_ms").asLong());
    assertEquals(
        JSON.readTree(
            "[{\"node\":\"node-a\",\"answered\":true,\"points\":2},"
                + "{\"node\":\"node-b\",\"answered\":true,\"points\":1},"
                + "{\"node\":\"node-c\",\"answered\":false,\"points\":0,"
                + "\"error\":\"did not answer within 2s\"}]"),
        body.get("nodes"));
    JsonNode points = body.get("points");
    assertEquals(3, points.size());
    assertEquals("node-b", points.get(1).get("node").asText());
    JsonNode last = points.get(2);
    assertEquals(3000, last.get("at").asLong());
    assertEquals("node-a", last.get("node").asText());
    assertEquals(30, last.get("series").get(ACCEPTED).asLong());
    assertTrue(last.get("series").get(ACCEPTED).isIntegralNumber(), "counts read as integers");
    assertEquals(150.5, last.get("series").get(HEAP).asDouble());
    assertEquals(10.0, last.get("rates").get(ACCEPTED).asDouble(), "20 more in 2 seconds");
    assertEquals(0, last.get("series_cut").asInt());
    assertEquals(1, counted("200"));
  }

  @Test
  void sinceAndSeriesReachThePort() throws Exception {
    ports.history.ring("node-a").add(1000, sample(10, 100));
    ports.history.ring("node-a").add(3000, sample(30, 150));
    String series = URLEncoder.encode("ben_stage_events_total", StandardCharsets.UTF_8);

    JsonNode body = JSON.readTree(history("?since=1970-01-01T00:00:01Z&series=" + series).body());
    assertEquals(1000, ports.history.askedSince);
    assertEquals(Set.of("ben_stage_events_total"), ports.history.askedSeries);
    assertEquals(1, body.get("points").size());
    assertEquals(Set.of(ACCEPTED), fieldNames(body.get("points").get(0).get("series")));

    history("?since=2000");
    assertEquals(2000, ports.history.askedSince);
  }

  @Test
  void aBadSinceOrATooLongSeriesFilterIs400NamingTheParameter() throws Exception {
    HttpResponse<String> badSince = history("?since=yesterday");
    assertEquals(400, badSince.statusCode());
    assertTrue(
        JSON.readTree(badSince.body()).get("error").asText().startsWith("since must be"),
        badSince.body());

    HttpResponse<String> tooLong = history("?series=" + "a,".repeat(200));
    assertEquals(400, tooLong.statusCode());
    assertTrue(
        JSON.readTree(tooLong.body()).get("error").asText().startsWith("series names"),
        tooLong.body());
    assertEquals(2, counted("400"));
    assertEquals(-1, ports.history.askedSince, "nothing was asked of the nodes");
  }

  @Test
  void withoutASessionItIsRefused() throws Exception {
    HttpResponse<String> response = server.get("/api/v1/metrics/history");
    assertEquals(401, response.statusCode());
    assertEquals(1, counted("401"));
  }

  @Test
  void aHistoryThatCannotBeGatheredIs503() throws Exception {
    ports.history.unavailable();
    HttpResponse<String> response = history("");
    assertEquals(503, response.statusCode());
    assertTrue(
        JSON.readTree(response.body()).get("error").asText().contains("no receptionist"),
        response.body());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
