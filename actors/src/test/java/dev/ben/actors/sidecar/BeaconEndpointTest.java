package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.flow.Envelope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Beacons and server logs reach the pipeline pre-anonymised: no address or visitor id is ever
 * stored in clear.
 */
@CapturedLogs
class BeaconEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ConcurrentLinkedQueue<Envelope> stored = new ConcurrentLinkedQueue<>();
  private static TestNode node;

  @BeforeAll
  static void start() {
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = [web]\nben.flow.store-batch-interval = 50ms",
            stored::addAll);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static Envelope storedWith(String field, String value) {
    Await.until(
        () -> stored.stream().anyMatch(e -> e.body().path(field).asText().equals(value)),
        "an event with " + field + " = " + value + " is stored",
        Duration.ofSeconds(20));
    return stored.stream()
        .filter(e -> e.body().path(field).asText().equals(value))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aQueryBeaconIsAnsweredAtOnceAndStoredWithItsAddressAndVisitorAnonymised() throws Exception {
    HttpResponse<String> response =
        node.http()
            .send(
                HttpRequest.newBuilder(
                        node.ingest(
                            "/api/v1/beacon?pipeline=web&app=site&path=/cart&status=200&visitor=v-1"))
                    .header("User-Agent", "Mozilla/5.0")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(204, response.statusCode(), response.body());
    Envelope beacon = storedWith("path", "/cart");
    assertEquals("site", beacon.app());
    assertEquals("127.0.0.0", beacon.body().get("client_ip").asText());
    assertNotEquals("v-1", beacon.body().get("visitor").asText());
    assertEquals(32, beacon.body().get("visitor").asText().length());
    assertTrue(beacon.body().get("status").isNumber(), beacon.body().toString());
    assertEquals("Mozilla/5.0", beacon.body().get("user_agent").asText());
  }

  @Test
  void aPostedBeaconIsAnsweredAtOnceAndAnonymised() throws Exception {
    HttpResponse<String> response =
        node.post(
            "/api/v1/beacon?pipeline=web",
            "{\"path\":\"/posted\",\"client_ip\":\"2001:db8:85a3:8d3::7\"}");
    assertEquals(204, response.statusCode(), response.body());
    assertEquals("2001:db8:85a3::", storedWith("path", "/posted").body().get("client_ip").asText());
    assertEquals(400, node.post("/api/v1/beacon?pipeline=web", "[1,2]").statusCode());
  }

  @Test
  void serverLogLinesAreParsedAnonymisedAndRefusedLineByLine() throws Exception {
    String log =
        String.join(
            "\n",
            List.of(
                "203.0.113.9 - - [01/May/2024:12:00:00 +0000] \"GET /from-log HTTP/1.1\" 200 512 \"-\" \"curl/8\"",
                "this is not a log line",
                "203.0.113.10 - - [01/May/2024:12:00:01 +0000] \"GET /from-log-2 HTTP/1.1\" 404 - \"-\" \"curl/8\""));
    HttpResponse<String> response = node.post("/api/v1/beacon/log?pipeline=web&app=nginx", log);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode report = JSON.readTree(response.body());
    assertEquals(2, report.get("accepted").asLong());
    assertEquals(1, report.get("refused").asLong());
    assertEquals(2, report.get("refusals").get(0).get("line").asInt());
    Envelope first = storedWith("path", "/from-log");
    assertEquals("203.0.113.0", first.body().get("client_ip").asText());
    assertEquals("2024-05-01T12:00:00Z", first.body().get("ts").asText());
    assertFalse(first.body().toString().contains("203.0.113.9"), first.body().toString());
    assertEquals("203.0.113.0", storedWith("path", "/from-log-2").body().get("client_ip").asText());
  }

  @Test
  void beaconsNameAKnownPipeline() throws Exception {
    assertEquals(400, node.post("/api/v1/beacon", "{}").statusCode());
    assertEquals(404, node.post("/api/v1/beacon?pipeline=nope", "{}").statusCode());
    assertEquals(404, node.post("/api/v1/beacon/log?pipeline=nope", "").statusCode());
  }
}
