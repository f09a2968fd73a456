package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CapturedLogs
class GatewayEndpointTest {

  private static TestNode node;
  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeAll
  static void start() {
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = [live]\nben.flow.store-batch-interval = 20ms\n"
                + "ben.gateway.client-buffer = 16\nben.gateway.keep-alive = 200ms",
            batch -> {});
    // The node reports its endpoints once they are bound, but the pass-through pipeline registers
    // for ingest on its own, after its graph started and its ingest log was replayed: until then
    // a post is answered 404. An empty body is the probe, so no event is added.
    Await.until(
        () -> {
          try {
            return node.post("/api/v1/events?pipeline=live", "").statusCode() == 200;
          } catch (Exception e) {
            return false;
          }
        },
        "the live pipeline to take events",
        Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private URI gateway(String path) {
    return URI.create("http://127.0.0.1:" + node.endpoints.gateway().port() + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return node.http()
        .send(
            HttpRequest.newBuilder(gateway(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** A GET as a logged-in script sends it: with the administrator's token. */
  private HttpResponse<String> getAsAdmin(String path) throws Exception {
    return node.http()
        .send(
            HttpRequest.newBuilder(gateway(path))
                .header("Authorization", "Bearer " + node.adminToken())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthReportsTheClusterMemberAndTheConnectors() throws Exception {
    Await.until(
        () -> {
          try {
            return mapper.readTree(get("/health").body()).get("status").asText().equals("UP");
          } catch (Exception e) {
            return false;
          }
        },
        "the node to be UP");
    HttpResponse<String> health = get("/health");
    assertEquals(200, health.statusCode());
    JsonNode checks = mapper.readTree(health.body()).get("checks");
    assertTrue(checks.get("cluster").asText().contains("is Up"), health.body());
    assertEquals("test writer", checks.get("store").asText());
  }

  @Test
  void metricsArePrometheusTextWithStageCounters() throws Exception {
    node.post("/api/v1/events?pipeline=live", "{\"a\":1}\nbroken\n");
    assertEquals(401, get("/metrics").statusCode(), "metrics need a session or token");
    HttpResponse<String> metrics = getAsAdmin("/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(
        metrics
            .headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .startsWith("text/plain; version=0.0.4"));
    assertTrue(metrics.body().contains("# TYPE ben_stage_events_total counter"), metrics.body());
    assertTrue(
        metrics
            .body()
            .contains(
                "ben_stage_events_total{outcome=\"refused\",pipeline=\"live\",reason=\"malformed_json\",stage=\"sidecar\"}"),
        metrics.body());
    for (String jvm :
        List.of(
            "# TYPE jvm_memory_used_bytes gauge",
            "# TYPE jvm_gc_collection_seconds summary",
            "# TYPE jvm_threads_current gauge",
            "# TYPE process_cpu_seconds_total counter")) {
      assertTrue(metrics.body().contains(jvm), jvm + " in " + metrics.body());
    }
    assertEquals(404, get("/nothing-here").statusCode());
  }

  @Test
  void aStalledWebsocketClientNeitherSlowsThePipelineNorStarvesAFastClient() throws Exception {
    URI ws = URI.create("ws://127.0.0.1:" + node.endpoints.gateway().port() + "/ws");
    WebSocket stalled =
        node.http()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + node.adminToken())
            .buildAsync(
                ws,
                new WebSocket.Listener() {
                  @Override
                  public void onOpen(WebSocket webSocket) {
                    // Never requests a message: the server must drop this client's backlog, not
                    // wait for it.
                  }
                })
            .get(10, TimeUnit.SECONDS);
    CopyOnWriteArrayList<JsonNode> fast = new CopyOnWriteArrayList<>();
    WebSocket fastSocket =
        node.http()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + node.adminToken())
            .buildAsync(ws, new Collector(fast))
            .get(10, TimeUnit.SECONDS);
    // Both subscribe to the live tail and the metrics; the stalled one then never reads.
    for (WebSocket client : new WebSocket[] {stalled, fastSocket}) {
      client
          .sendText("{\"op\":\"subscribe\",\"sub\":\"t\",\"topic\":\"tail\"}", true)
          .get(10, TimeUnit.SECONDS);
      client
          .sendText("{\"op\":\"subscribe\",\"sub\":\"m\",\"topic\":\"metrics\"}", true)
          .get(10, TimeUnit.SECONDS);
    }
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      body.append("{\"n\":").append(i).append("}\n");
    }
    for (int round = 0; round < 5; round++) {
      assertEquals(
          200, node.post("/api/v1/events?pipeline=live&app=ws", body.toString()).statusCode());
    }
    StageCounters store = new StageCounters(node.metrics, "live", "store");
    Await.until(
        () -> store.total(Outcome.STORED) >= 15_000,
        "every event stored despite the stalled client");
    // The live tap drops (and counts) what a full hub cannot take, so the marker is resent until
    // the fast client,
    // still next to the stalled one, sees it: it must not be starved.
    Await.until(
        () -> {
          postMarker();
          return fast.stream()
              .anyMatch(m -> "last".equals(m.path("data").path("body").path("marker").asText()));
        },
        "the fast client to see the last event");
    // The metrics subscription is a stream of its own, merged with the tail into the socket: the
    // marker having arrived says nothing about whether a metrics frame has yet, so wait for one.
    Await.until(
        () -> fast.stream().anyMatch(m -> m.path("topic").asText().equals("metrics")),
        "metrics frames arrive");
    Await.until(
        () -> fast.stream().anyMatch(m -> m.path("type").asText().equals("keepalive")),
        "a keep-alive frame");
    stalled.abort();
    fastSocket.abort();
  }

  @Test
  void theFirstAdministratorLogsInToBuxAndItsCookieOpensTheWebsocket() throws Exception {
    String password = Files.readString(node.initialAdminFile()).strip();
    String origin = "http://127.0.0.1:" + node.endpoints.gateway().port();
    HttpResponse<String> login =
        node.http()
            .send(
                HttpRequest.newBuilder(gateway("/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .header("Origin", origin)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            mapper
                                .createObjectNode()
                                .put("user", "admin")
                                .put("password", password)
                                .toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, login.statusCode(), login.body());
    assertEquals("admin", mapper.readTree(login.body()).get("role").asText());
    HttpCookie cookie =
        HttpCookie.parse(login.headers().firstValue("Set-Cookie").orElseThrow()).get(0);
    WebSocket socket =
        node.http()
            .newWebSocketBuilder()
            .header("Origin", origin)
            .header("Cookie", cookie.getName() + "=" + cookie.getValue())
            .buildAsync(
                URI.create(origin.replace("http", "ws") + "/ws"), new WebSocket.Listener() {})
            .get(10, TimeUnit.SECONDS);
    socket.abort();
  }

  private static void postMarker() {
    try {
      node.post("/api/v1/events?pipeline=live&app=ws", "{\"marker\":\"last\"}\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Collects text frames as JSON, requesting one message at a time. */
  private final class Collector implements WebSocket.Listener {
    private final CopyOnWriteArrayList<JsonNode> messages;
    private final StringBuilder partial = new StringBuilder();

    Collector(CopyOnWriteArrayList<JsonNode> messages) {
      this.messages = messages;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(mapper.readTree(partial.toString()));
        } catch (Exception e) {
          throw new AssertionError("a websocket frame was not JSON: " + partial, e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
