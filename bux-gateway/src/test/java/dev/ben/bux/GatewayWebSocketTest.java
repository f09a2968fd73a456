package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.metrics.StageCounters;
import java.net.http.WebSocket;
import java.time.Duration;
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

  @Test
  void countersArePushedWithTheStageSeries() throws Exception {
    StageCounters spine = new StageCounters(ports.metrics, "auth", "spine");
    spine.accepted();
    spine.accepted();
    JsonNode counters =
        frames.awaitFrame(
            "a counters frame with the spine's two accepted events",
            frame ->
                frame.path("type").asText().equals("counters")
                    && accepted(frame.path("series"))
                        .filter(entry -> entry.path("value").asLong() == 2)
                        .isPresent());
    assertEquals(0, counters.get("live_dropped").asLong());
    JsonNode accepted = accepted(counters.get("series")).orElseThrow();
    assertEquals("auth", accepted.get("pipeline").asText());
    assertEquals("spine", accepted.get("stage").asText());
    assertEquals("", accepted.get("reason").asText());
  }

  @Test
  void aLiveEventPublishedToTheHubIsPushedAsItIs() throws Exception {
    String published =
        "{\"type\":\"event\",\"pipeline\":\"auth\",\"app\":\"web\",\"body\":{\"user\":\"ann\"}}";
    // The server subscribes to the hub once the upgrade is done, so publish until it is attached.
    JsonNode event =
        frames.awaitFrame(
            "the published live event",
            frame -> frame.path("type").asText().equals("event"),
            () -> ports.live.publish(published));
    assertEquals(JSON.readTree(published), event);
  }

  @Test
  void keepAliveFramesArriveAtTheConfiguredInterval() throws Exception {
    JsonNode keepAlive =
        frames.awaitFrame(
            "a keep-alive frame", frame -> frame.path("type").asText().equals("keepalive"));
    assertEquals(1, keepAlive.size(), "a keep-alive frame carries nothing else");
  }
}
