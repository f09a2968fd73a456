package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.history.SeriesSample;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.StageCounters;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The websocket /ws through a real upgrade, with the JDK's websocket client. */
class GatewayWebSocketTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ActorSystem system;

  private TestPorts ports;
  private GatewayServer server;
  private WebSocket socket;
  private final FrameCollector frames = new FrameCollector();

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create("GatewayWebSocketTest");
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void connect() throws Exception {
    ports = new TestPorts(system);
    server = new GatewayServer(system, Duration.ofMillis(200), ports.ports());
    socket =
        server
            .http()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + ports.token())
            .buildAsync(server.uri("ws", "/ws"), frames)
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() throws Exception {
    socket.abort();
    server.close();
    ports.close();
  }

  private static Optional<JsonNode> accepted(JsonNode series) {
    return StreamSupport.stream(series.spliterator(), false)
        .filter(entry -> entry.path("outcome").asText().equals("accepted"))
        .findFirst();
  }

  private void send(String frame) throws Exception {
    socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
  }

  @Test
  void theWelcomeFrameComesFirst() throws Exception {
    JsonNode welcome = frames.awaitFrame("any frame", frame -> true);
    assertEquals("welcome", welcome.get("type").asText());
    assertEquals(TestPorts.USER, welcome.get("user").asText());
  }

  @Test
  void aMetricsSubscriptionGetsTheStageSeries() throws Exception {
    StageCounters spine = new StageCounters(ports.metrics, "auth", "spine");
    spine.accepted();
    spine.accepted();
    send("{\"op\":\"subscribe\",\"sub\":\"m\",\"topic\":\"metrics\"}");
    JsonNode metrics =
        frames.awaitFrame(
            "a metrics frame with the spine's two accepted events",
            frame ->
                frame.path("type").asText().equals("data")
                    && accepted(frame.path("data").path("stages"))
                        .filter(entry -> entry.path("value").asLong() == 2)
                        .isPresent());
    assertEquals("m", metrics.get("sub").asText());
    JsonNode accepted = accepted(metrics.get("data").get("stages")).orElseThrow();
    assertEquals("auth", accepted.get("pipeline").asText());
    assertEquals("spine", accepted.get("stage").asText());
    assertEquals("", accepted.get("reason").asText());
  }

  @Test
  void aTotalsSubscriptionGetsTheClusterSumsAndTheNodesCounted() throws Exception {
    SeriesSample sample = new SeriesSample(10);
    sample.counter(
        StageCounters.FAMILY
            + Labels.of(
                "outcome", "accepted", "pipeline", "auth", "reason", "", "stage", "sidecar"),
        3);
    ports.history.ring("node-a").add(InMemoryHistory.NOW, sample);
    ports.history.ring("node-b").add(InMemoryHistory.NOW, sample);
    send("{\"op\":\"subscribe\",\"sub\":\"s\",\"topic\":\"totals\"}");
    JsonNode totals =
        frames.awaitFrame("a totals frame", frame -> frame.path("type").asText().equals("data"));
    assertEquals("totals", totals.get("topic").asText());
    assertEquals(6, totals.get("data").get("loss").get(0).get("accepted").asLong());
    assertEquals(2, totals.get("data").get("nodes").size());
  }

  @Test
  void aLiveEventPublishedToTheHubIsPushedToATailSubscription() throws Exception {
    send("{\"op\":\"subscribe\",\"sub\":\"t\",\"topic\":\"tail\"}");
    String published =
        "{\"type\":\"event\",\"pipeline\":\"auth\",\"app\":\"web\",\"body\":{\"user\":\"ann\"}}";
    // The subscription attaches to the hub asynchronously, so publish until it is attached.
    JsonNode event =
        frames.awaitFrame(
            "the published live event",
            frame -> frame.path("type").asText().equals("data"),
            () -> ports.live.publish(published));
    assertEquals("tail", event.get("topic").asText());
    assertEquals(JSON.readTree("{\"user\":\"ann\"}"), event.get("data").get("body"));
  }

  @Test
  void aDecisionsSubscriptionGetsNewEntriesOfItsPlaybookFromTheEventLog() throws Exception {
    send(
        "{\"op\":\"subscribe\",\"sub\":\"d\",\"topic\":\"decisions\","
            + "\"filter\":{\"playbook\":\"lockout\"}}");
    // The test log's events are dated after now, so the feed's first read already sees them.
    InMemoryEventLog log = ports.eventLog;
    log.add("fire", "playbook.fired", "{\"playbook\":\"lockout\",\"actions\":[]}", null, "auth");
    log.add("other", "playbook.fired", "{\"playbook\":\"geo\",\"actions\":[]}", null, "auth");
    log.add("pub", "signal.published", "{\"signal_id\":\"s1\",\"kind\":\"lock\"}", "fire", "auth");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      JsonNode frame =
          frames.awaitFrame("a decisions frame", f -> f.path("type").asText().equals("data"));
      assertEquals("decisions", frame.get("topic").asText());
      ids.add(frame.get("data").get("event_id").asText());
    }
    assertEquals(List.of("fire", "pub"), ids);
  }

  @Test
  void aMalformedFrameIsAnsweredWithAnErrorFrameAndCounted() throws Exception {
    send("{\"op\":\"shout\"}");
    JsonNode error =
        frames.awaitFrame("an error frame", frame -> frame.path("type").asText().equals("error"));
    assertTrue(error.get("error").asText().contains("unknown op"), error.toString());
    assertEquals(1, ports.refused("bad_frame"));
  }

  @Test
  void keepAliveFramesArriveAtTheConfiguredInterval() throws Exception {
    JsonNode keepAlive =
        frames.awaitFrame(
            "a keep-alive frame", frame -> frame.path("type").asText().equals("keepalive"));
    assertTrue(keepAlive.get("at").asLong() > 0, keepAlive.toString());
  }
}
