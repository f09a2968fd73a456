package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A whole node samples its series and its gateway serves them at /api/v1/metrics/history. */
@CapturedLogs
class MetricsHistoryEndpointTest {

  private static final String SPINE_ACCEPTED =
      "ben_stage_events_total{outcome=\"accepted\",pipeline=\"live\",reason=\"\",stage=\"sidecar\"}";

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void theGatewayServesTheNodesHistoryWithItsStageCounters() throws Exception {
    try (TestNode node =
        new TestNode(
            "ben.node.pass-through-pipelines = [live]\nben.gateway.history-interval = 100ms",
            batch -> {})) {
      assertEquals(200, node.post("/api/v1/events?pipeline=live", "{\"a\":1}\n").statusCode());
      AtomicReference<JsonNode> seen = new AtomicReference<>();
      Await.until(
          () -> {
            seen.set(history(node, "?series=ben_stage_events_total"));
            JsonNode points = seen.get().get("points");
            return !points.isEmpty()
                && points.get(points.size() - 1).get("series").path(SPINE_ACCEPTED).asLong() == 1;
          },
          () -> "the posted event in the history, seen " + seen.get(),
          java.time.Duration.ofSeconds(20));
      JsonNode body = seen.get();
      assertEquals(100, body.get("interval_ms").asLong());
      assertEquals(1, body.get("nodes").size());
      JsonNode self = body.get("nodes").get(0);
      assertTrue(self.get("answered").asBoolean(), self.toString());
      assertTrue(self.get("node").asText().startsWith("pekko://ben@127.0.0.1:"), self.toString());
    }
  }

  private JsonNode history(TestNode node, String query) {
    try {
      HttpResponse<String> response =
          node.http()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + node.endpoints.gateway().port()
                                  + "/api/v1/metrics/history"
                                  + query))
                      .header("Authorization", "Bearer " + node.adminToken())
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      return mapper.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
