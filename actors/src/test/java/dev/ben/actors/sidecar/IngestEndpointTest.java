package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CapturedLogs
class IngestEndpointTest {

  private static final List<Envelope> stored = new CopyOnWriteArrayList<>();
  private static TestNode node;
  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeAll
  static void start() {
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = [auth, web]\nben.flow.store-batch-interval = 50ms",
            stored::addAll);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void goodLinesAreStoredAndBadLinesRefusedPerLine() throws Exception {
    HttpResponse<String> response =
        node.post(
            "/api/v1/events?pipeline=auth&app=shop",
            "{\"user\":\"ann\",\"n\":1}\nnot json\n{\"user\":\"bob\",\"n\":2}\n\"text\"\n");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = mapper.readTree(response.body());
    assertEquals(2, body.get("accepted").asLong());
    assertEquals(2, body.get("refused").asLong());
    assertEquals(2, body.get("refusals").get(0).get("line").asInt());
    assertEquals("malformed_json", body.get("refusals").get(0).get("reason").asText());
    assertEquals("not_an_object", body.get("refusals").get(1).get("reason").asText());
    Await.until(
        () -> stored.stream().filter(e -> e.app().equals("shop")).count() == 2,
        "two stored events");
    Envelope ann =
        stored.stream()
            .filter(e -> "ann".equals(e.body().path("user").asText()))
            .findFirst()
            .orElseThrow();
    assertEquals("auth", ann.pipeline());
    StageCounters sidecar = new StageCounters(node.metrics, "auth", "sidecar");
    assertTrue(sidecar.value(Outcome.REFUSED, "malformed_json") >= 1);
    Await.until(
        () -> new StageCounters(node.metrics, "auth", "store").total(Outcome.STORED) >= 2,
        "store counter");
  }

  @Test
  void theKeyDecidesTheAppAndTheHeaderMayRepeatIt() throws Exception {
    HttpResponse<String> response =
        node.http()
            .send(
                java.net.http.HttpRequest.newBuilder(node.ingest("/api/v1/events?pipeline=web"))
                    .header("Authorization", "Bearer " + node.appKey("beacon"))
                    .header("X-Ben-App", "beacon")
                    .header("Content-Type", "application/x-ndjson")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"path\":\"/x\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    Await.until(
        () -> stored.stream().anyMatch(e -> e.app().equals("beacon") && e.pipeline().equals("web")),
        "event from app beacon");
  }

  @Test
  void anUnknownPipelineIsRefusedNamingTheRunningOnes() throws Exception {
    HttpResponse<String> response = node.post("/api/v1/events?pipeline=nope", "{}");
    assertEquals(404, response.statusCode());
    JsonNode body = mapper.readTree(response.body());
    assertTrue(body.get("error").asText().contains("no pipeline named `nope`"), response.body());
    assertEquals("[\"auth\",\"web\"]", body.get("running").toString());
  }

  @Test
  void badRequestsGetActionableErrors() throws Exception {
    HttpResponse<String> noPipeline = node.post("/api/v1/events", "{}");
    assertEquals(400, noPipeline.statusCode());
    assertTrue(noPipeline.body().contains("?pipeline=NAME"), noPipeline.body());
    HttpResponse<String> badApp =
        node.http()
            .send(
                node.request("/api/v1/events?pipeline=auth")
                    .uri(node.ingest("/api/v1/events?pipeline=auth&app=bad%20app"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(403, badApp.statusCode(), "only the key's app may be named");
    HttpResponse<String> get =
        node.http()
            .send(
                java.net.http.HttpRequest.newBuilder(node.ingest("/api/v1/events?pipeline=auth"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    assertEquals(404, node.post("/api/v2/other", "{}").statusCode());
  }
}
