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
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
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

  private static final String SHOP = "https://shop.example";

  @BeforeAll
  static void start() {
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = [web]\nben.flow.store-batch-interval = 50ms",
            stored::addAll);
    node.appKey("site", SHOP);
    node.appKey("nosite");
  }

  /** A beacon posted as a browser on a page of {@code origin} sends it (null: no Origin). */
  private static HttpResponse<String> beacon(String query, String origin, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.ingest("/api/v1/beacon" + query));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return node.http()
        .send(
            request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static long refused(String reason) {
    return node.metrics.value(
        "ben_ingest_refused_total", dev.ben.streams.metrics.Labels.of("reason", reason));
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
                            "/api/v1/beacon?pipeline=web&site=site&path=/cart&status=200&visitor=v-1"))
                    .header("User-Agent", "Mozilla/5.0")
                    .header("Referer", SHOP + "/cart?step=2")
                    .header("X-Forwarded-For", "203.0.113.9")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(204, response.statusCode(), response.body());
    Envelope beacon = storedWith("path", "/cart");
    assertEquals("site", beacon.app());
    assertEquals(
        "127.0.0.0",
        beacon.body().get("client_ip").asText(),
        "the TCP peer, not X-Forwarded-For: no proxy is trusted");
    assertFalse(beacon.body().has("site"));
    assertNotEquals("v-1", beacon.body().get("visitor").asText());
    assertEquals(32, beacon.body().get("visitor").asText().length());
    assertTrue(beacon.body().get("status").isNumber(), beacon.body().toString());
    assertEquals("Mozilla/5.0", beacon.body().get("user_agent").asText());
  }

  @Test
  void aPostedBeaconIsAnsweredAtOnceAndAnonymisedUnderThePeersAddress() throws Exception {
    HttpResponse<String> response =
        beacon(
            "?pipeline=web&site=site",
            SHOP,
            "{\"path\":\"/posted\",\"client_ip\":\"2001:db8:85a3:8d3::7\"}");
    assertEquals(204, response.statusCode(), response.body());
    Envelope posted = storedWith("path", "/posted");
    assertEquals("site", posted.app());
    assertEquals("127.0.0.0", posted.body().get("client_ip").asText(), "the sender cannot choose");
    HttpResponse<String> array = beacon("?pipeline=web&site=site", SHOP, "[1,2]");
    assertEquals(400, array.statusCode());
    assertTrue(array.body().contains("got an array"), array.body());
    assertEquals(
        1,
        new StageCounters(node.metrics, "web", "sidecar").value(Outcome.REFUSED, "not_an_object"),
        "counted with its reason");
  }

  @Test
  void beaconsComeOnlyFromPagesOfTheSitesOrigins() throws Exception {
    String[][] refusals = {
      {"?pipeline=web", SHOP, "400", "missing_site"},
      {"?pipeline=web&site=nobody", SHOP, "403", "unknown_site"},
      {"?pipeline=web&site=nosite", SHOP, "403", "unknown_site"},
      {"?pipeline=web&site=site", "https://evil.example", "403", "origin_not_allowed"},
      {"?pipeline=web&site=site", null, "403", "origin_not_allowed"},
    };
    for (String[] refusal : refusals) {
      String what = refusal[0] + " from " + refusal[1];
      long counted = refused(refusal[3]);
      HttpResponse<String> response = beacon(refusal[0], refusal[1], "{\"path\":\"/evil\"}");
      assertEquals(Integer.parseInt(refusal[2]), response.statusCode(), what + response.body());
      assertEquals(counted + 1, refused(refusal[3]), what);
    }
    assertEquals(204, beacon("?pipeline=web&site=site", SHOP, "{\"path\":\"/ok\"}").statusCode());
    storedWith("path", "/ok");
    assertTrue(stored.stream().noneMatch(e -> e.body().path("path").asText().equals("/evil")));
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
    assertEquals(400, beacon("?site=site", SHOP, "{}").statusCode());
    assertEquals(404, beacon("?site=site&pipeline=nope", SHOP, "{}").statusCode());
    assertEquals(404, node.post("/api/v1/beacon/log?pipeline=nope", "").statusCode());
  }
}
