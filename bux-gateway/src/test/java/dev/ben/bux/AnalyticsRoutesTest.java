package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.bux.api.ReadFailure;
import dev.ben.bux.socket.SnapshotPort;
import dev.ben.bux.socket.TopicFilter;
import dev.ben.bux.socket.TopicPorts;
import dev.ben.streams.metrics.Labels;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/analytics} and the websocket's {@code analytics} topic over a real socket, on
 * an analytics source in memory that answers as the node's does: every beacon pipeline without a
 * filter, one with {@code pipeline}, NOT_FOUND for a pipeline that takes no beacons.
 */
class AnalyticsRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEB =
      "{\"at\":1000,\"pipeline\":\"web\",\"window_ms\":900000,\"visits\":3,\"page_views\":5,"
          + "\"top_pages\":[{\"page\":\"/\",\"count\":3}],"
          + "\"referrers\":[{\"referrer\":\"https://search.example/\",\"count\":2}],"
          + "\"status_codes\":[{\"code\":200,\"count\":4},{\"code\":404,\"count\":1}]}";
  private static ActorSystem system;

  private TestPorts ports;
  private GatewayServer server;
  private final List<TopicFilter> asked = new CopyOnWriteArrayList<>();

  /** The in-memory source; a test may make it never answer. */
  private volatile boolean silent;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create("AnalyticsRoutesTest");
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void bind() throws Exception {
    ports = new TestPorts(system);
    ports.topics =
        new TopicPorts(
            Optional.empty(),
            Optional.empty(),
            Optional.of((SnapshotPort) this::read),
            Optional.empty(),
            Optional.empty());
    server = new GatewayServer(system, Duration.ofSeconds(15), ports.ports());
  }

  @AfterEach
  void unbind() {
    server.close();
    ports.close();
  }

  private CompletionStage<JsonNode> read(TopicFilter filter) {
    asked.add(filter);
    if (silent) {
      return new CompletableFuture<>();
    }
    try {
      JsonNode web = JSON.readTree(WEB);
      Optional<String> pipeline = filter.get("pipeline");
      if (pipeline.isEmpty()) {
        ObjectNode all = JSON.createObjectNode().put("at", 1000).put("window_ms", 900000);
        all.putArray("pipelines").add(web);
        return CompletableFuture.completedFuture(all);
      }
      if (pipeline.get().equals("web")) {
        return CompletableFuture.completedFuture(web);
      }
      return CompletableFuture.failedFuture(
          new ReadFailure(
              ReadFailure.Kind.NOT_FOUND, "`" + pipeline.get() + "` is not a beacon pipeline"));
    } catch (java.io.IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private HttpResponse<String> analytics(String query) throws Exception {
    return server.get("/api/v1/analytics" + query, ports.token());
  }

  private long counted(String status) {
    return ports.metrics.value(
        "ben_gateway_requests_total", Labels.of("route", "api_analytics", "status", status));
  }

  @Test
  void withoutAFilterEveryBeaconPipelineIsAnswered() throws Exception {
    HttpResponse<String> response = analytics("");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode body = JSON.readTree(response.body());
    assertEquals(900000, body.get("window_ms").asLong());
    assertEquals(JSON.readTree(WEB), body.get("pipelines").get(0));
    assertEquals(List.of(new TopicFilter(Map.of())), asked);
    assertEquals(1, counted("200"));
  }

  @Test
  void aPipelineFilterReachesTheSourceAndItsFiguresAreAnswered() throws Exception {
    HttpResponse<String> response = analytics("?pipeline=web");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(JSON.readTree(WEB), JSON.readTree(response.body()));
    assertEquals(List.of(new TopicFilter(Map.of("pipeline", "web"))), asked);
  }

  @Test
  void aPipelineThatTakesNoBeaconsIs404AndABlankOneIs400() throws Exception {
    HttpResponse<String> unknown = analytics("?pipeline=auth");
    assertEquals(404, unknown.statusCode());
    assertEquals(
        "`auth` is not a beacon pipeline", JSON.readTree(unknown.body()).get("error").asText());
    HttpResponse<String> blank = analytics("?pipeline=");
    assertEquals(400, blank.statusCode());
    assertTrue(
        JSON.readTree(blank.body()).get("error").asText().startsWith("pipeline, when given"),
        blank.body());
    assertEquals(1, asked.size(), "the blank one was not asked");
    assertEquals(1, counted("404"));
    assertEquals(1, counted("400"));
  }

  @Test
  void aSourceThatDoesNotAnswerInTimeIs503() throws Exception {
    silent = true;
    HttpResponse<String> response = analytics("");
    assertEquals(503, response.statusCode());
    assertTrue(
        JSON.readTree(response.body()).get("error").asText().contains("read-timeout"),
        response.body());
  }

  @Test
  void withoutASessionItIsRefused() throws Exception {
    assertEquals(401, server.get("/api/v1/analytics").statusCode());
    assertEquals(1, counted("401"));
    assertTrue(asked.isEmpty());
  }

  @Test
  void aNodeWithoutAnAnalyticsSourceAnswers503AndOffersNoTopic() throws Exception {
    server.close();
    ports.topics = TopicPorts.none();
    server = new GatewayServer(system, Duration.ofSeconds(15), ports.ports());
    HttpResponse<String> response = analytics("");
    assertEquals(503, response.statusCode());
    assertTrue(
        JSON.readTree(response.body()).get("error").asText().contains("no source of web analytics"),
        response.body());
  }

  @Test
  void theTopicPushesThePipelinesFiguresThroughTheSocket() throws Exception {
    FrameCollector frames = new FrameCollector();
    WebSocket socket =
        server
            .http()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + ports.token())
            .buildAsync(server.uri("ws", "/ws"), frames)
            .get(10, TimeUnit.SECONDS);
    try {
      JsonNode welcome = frames.awaitFrame("the welcome", frame -> true);
      assertTrue(welcome.get("topics").toString().contains("\"analytics\""), welcome.toString());
      socket
          .sendText(
              "{\"op\":\"subscribe\",\"sub\":\"a\",\"topic\":\"analytics\","
                  + "\"filter\":{\"pipeline\":\"web\"}}",
              true)
          .get(10, TimeUnit.SECONDS);
      JsonNode data =
          frames.awaitFrame("analytics data", frame -> frame.path("sub").asText().equals("a"));
      assertEquals("data", data.get("type").asText(), data.toString());
      assertEquals("analytics", data.get("topic").asText());
      assertEquals(1000, data.get("at").asLong(), "the frame is as old as the figures");
      assertEquals(JSON.readTree(WEB), data.get("data"));
      assertEquals(new TopicFilter(Map.of("pipeline", "web")), asked.get(0));

      socket
          .sendText(
              "{\"op\":\"subscribe\",\"sub\":\"b\",\"topic\":\"analytics\","
                  + "\"filter\":{\"pipeline\":\"auth\"}}",
              true)
          .get(10, TimeUnit.SECONDS);
      JsonNode error =
          frames.awaitFrame("the refusal", frame -> frame.path("sub").asText().equals("b"));
      assertEquals("error", error.get("type").asText(), error.toString());
      assertEquals("`auth` is not a beacon pipeline", error.get("error").asText());
    } finally {
      socket.abort();
    }
  }
}
