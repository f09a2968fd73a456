package dev.ben.bux;

import static dev.ben.bux.SocketClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.socket.BuxSocket;
import dev.ben.bux.socket.SnapshotPort;
import dev.ben.bux.socket.TopicPorts;
import dev.ben.config.GatewaySettings;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageLatency;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One client's websocket flow (protocol v1), driven by stream probes on both sides. */
class BuxSocketTest {

  static final ObjectMapper JSON = SocketClient.JSON;
  static ActorSystem system;

  TestPorts ports;
  private BuxSocket socket;
  private final AtomicInteger badFrames = new AtomicInteger();

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create("BuxSocketTest");
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void start() {
    ports = new TestPorts(system);
    useSettings("");
  }

  @AfterEach
  void stop() {
    ports.close();
  }

  /** The gateway's socket under the test settings with {@code overrides}. */
  void useSettings(String overrides) {
    GatewaySettings settings = TestGatewaySettings.with(Duration.ofHours(1), overrides);
    socket =
        new BuxSocket(
            settings,
            ports.live,
            ports.metrics,
            ports.topics,
            ports.bundles,
            JSON,
            Materializer.matFromSystem(system),
            system.dispatcher());
  }

  SocketClient client(Duration lifetime) {
    return new SocketClient(system, socket, lifetime, badFrames::incrementAndGet);
  }

  SocketClient connect() {
    SocketClient client = client(Duration.ofHours(1));
    assertEquals("welcome", client.next().get("type").asText());
    return client;
  }

  @Test
  void theWelcomeFrameComesFirstAndNamesTheUserTopicsAndMethods() {
    SocketClient client = client(Duration.ofHours(1));
    JsonNode welcome = client.next();
    assertEquals("welcome", welcome.get("type").asText());
    assertEquals(1, welcome.get("protocol").asInt());
    assertEquals(TestPorts.USER, welcome.get("user").asText());
    assertEquals("viewer", welcome.get("role").asText());
    assertEquals(JSON.valueToTree(List.of("metrics", "tail")), welcome.get("topics"));
    assertEquals(JSON.valueToTree(List.of("testbench")), welcome.get("methods"));
  }

  @Test
  void aMetricsSubscriptionGetsTheStageSeriesAtTheConfiguredInterval() {
    new StageCounters(ports.metrics, "auth", "spine").forwarded(7);
    SocketClient client = connect();
    client.send("{\"op\":\"subscribe\",\"sub\":\"m\",\"topic\":\"metrics\"}");
    JsonNode first = client.await(data("m"));
    assertEquals("metrics", first.get("topic").asText());
    assertEquals(1, first.get("seq").asLong());
    assertTrue(
        first.get("data").get("stages").toString().contains("\"outcome\":\"forwarded\""),
        first.toString());
    JsonNode second = client.await(data("m"));
    assertEquals(2, second.get("seq").asLong());
    long apart = second.get("at").asLong() - first.get("at").asLong();
    assertTrue(apart >= 900, "metrics " + apart + " ms apart");
  }

  @Test
  void aTailSubscriptionGetsOnlyTheEventsItsFilterMatches() {
    SocketClient client = connect();
    client.send(
        "{\"op\":\"subscribe\",\"sub\":\"t\",\"topic\":\"tail\",\"filter\":{\"app\":\"web\"}}");
    JsonNode frame = null;
    // The subscription attaches to the hub asynchronously: publish until it sees an event.
    for (int round = 0; round < 50 && frame == null; round++) {
      ports.live.publish(event("mobile", round));
      ports.live.publish(event("web", round));
      frame = client.poll(data("t"));
    }
    assertEquals("tail", frame.get("topic").asText());
    assertEquals("web", frame.get("data").get("app").asText());
    assertTrue(!frame.get("data").has("type"), "the tap's message type is not data");
    ports.live.publish(event("mobile", 100));
    ports.live.publish(event("web", 101));
    JsonNode next = client.await(data("t"));
    assertEquals("web", next.get("data").get("app").asText(), "mobile events are filtered out");
    assertEquals("e101", next.get("data").get("event_id").asText());
  }

  static String event(String app, int n) {
    return "{\"type\":\"event\",\"pipeline\":\"auth\",\"app\":\""
        + app
        + "\",\"event_id\":\"e"
        + n
        + "\",\"received_at\":"
        + (1000 + n)
        + ",\"body\":{\"n\":"
        + n
        + "}}";
  }

  @Test
  void aClientResumingAfterASeqGetsWhatFollowsAndAGapForWhatIsNoLongerHeld() {
    useSettings("ben.gateway.socket.stream-ring = 4");
    SocketClient watcher = connect();
    watcher.send("{\"op\":\"subscribe\",\"sub\":\"t\",\"topic\":\"tail\"}");
    // The subscription attaches to the hub asynchronously: publish until it sees an event.
    JsonNode first = null;
    for (int round = 0; first == null; round++) {
      ports.live.publish(event("web", round));
      first = watcher.poll(data("t"));
    }
    long last = first.get("seq").asLong();
    for (int n = 0; last < 10; n++) {
      ports.live.publish(event("web", 100 + n));
      last = watcher.await(data("t")).get("seq").asLong();
    }
    // A ring of four holds the last four events, so a client resuming after `last - 1` gets `last`
    SocketClient resuming = connect();
    resuming.send(
        "{\"op\":\"subscribe\",\"sub\":\"r\",\"topic\":\"tail\",\"after\":" + (last - 1) + "}");
    assertEquals(last, resuming.await(data("r")).get("seq").asLong());
    // ... and one resuming after 2 a gap for what is gone, then the oldest one held.
    SocketClient late = connect();
    late.send("{\"op\":\"subscribe\",\"sub\":\"l\",\"topic\":\"tail\",\"after\":2}");
    JsonNode gap = late.next();
    assertEquals("gap", gap.get("type").asText(), gap.toString());
    assertEquals("l", gap.get("sub").asText());
    long missed = gap.get("missed").asLong();
    assertTrue(missed >= last - 4 - 2, "at least 3 to " + (last - 4) + " are gone: " + missed);
    assertEquals(2 + missed + 1, late.await(data("l")).get("seq").asLong());
  }

  @Test
  void aSlowClientGetsOnlyTheLatestSnapshot() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    CountDownLatch readOften = new CountDownLatch(100);
    SnapshotPort counting =
        filter -> {
          readOften.countDown();
          return CompletableFuture.completedFuture(
              JSON.createObjectNode().put("read", reads.incrementAndGet()));
        };
    ports.topics =
        new TopicPorts(
            Optional.of(counting),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    useSettings("ben.gateway.counters-interval = 10ms");
    SocketClient client = connect();
    client.send("{\"op\":\"subscribe\",\"sub\":\"c\",\"topic\":\"cluster\"}");
    // The client reads nothing while the topic is read 100 times.
    assertTrue(readOften.await(10, TimeUnit.SECONDS));
    int seen = 0;
    JsonNode frame;
    do {
      frame = client.await(data("c"));
      seen++;
    } while (frame.get("data").get("read").asInt() < 100);
    assertTrue(seen < 60, "a slow client skips snapshots; it took " + seen + " to the 100th");
  }

  @Test
  void aSlowHistoryClientGetsEveryPointOnceInFewerFrames() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    CountDownLatch readOften = new CountDownLatch(50);
    // Each read answers every point so far, one more each time, as the history since a time does.
    SnapshotPort history =
        filter -> {
          readOften.countDown();
          int last = reads.incrementAndGet();
          var body = JSON.createObjectNode().put("at", last).put("interval_ms", 10);
          var points = body.putArray("points");
          for (int at = 1; at <= last; at++) {
            var point = points.addObject().put("at", at).put("node", "n1");
            point.putObject("series").put("x", at);
            point.putObject("rates");
          }
          return CompletableFuture.completedFuture(body);
        };
    ports.topics =
        new TopicPorts(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(history),
            Optional.empty());
    useSettings("ben.gateway.counters-interval = 10ms");
    SocketClient client = connect();
    client.send("{\"op\":\"subscribe\",\"sub\":\"h\",\"topic\":\"history\"}");
    assertTrue(readOften.await(10, TimeUnit.SECONDS));
    List<Long> seen = new java.util.ArrayList<>();
    int frames = 0;
    while (seen.isEmpty() || seen.get(seen.size() - 1) < 50) {
      JsonNode frame = client.await(data("h"));
      frames++;
      assertEquals(frames > 1, frame.get("data").path("appended").asBoolean(), frame.toString());
      frame.get("data").get("points").forEach(p -> seen.add(p.get("at").asLong()));
    }
    List<Long> each = java.util.stream.LongStream.rangeClosed(1, seen.size()).boxed().toList();
    assertEquals(each, seen, "every point once, in order");
    assertTrue(frames < seen.size(), frames + " frames for " + seen.size() + " points");
  }

  @Test
  void aMalformedFrameGetsAnErrorFrameAndIsCounted() {
    SocketClient client = connect();
    client.send("{\"op\":\"subscribe\",\"sub\":\"x\",\"topic\":\"secrets\"}");
    JsonNode error = client.next();
    assertEquals("error", error.get("type").asText());
    assertEquals("x", error.get("sub").asText());
    assertTrue(error.get("error").asText().contains("unknown topic"), error.toString());
    client.send("not json");
    assertTrue(client.next().get("error").asText().contains("not JSON"));
    assertEquals(2, badFrames.get());
    client.send("{\"op\":\"subscribe\",\"sub\":\"m\",\"topic\":\"metrics\"}");
    assertEquals("m", client.await(data("m")).get("sub").asText(), "the socket stays open");
  }

  @Test
  void tooManyMalformedFramesCloseTheSocketWithAReason() {
    useSettings("ben.gateway.socket.max-refused-frames = 2");
    SocketClient client = connect();
    for (int i = 0; i < 3; i++) {
      client.send("[]");
    }
    assertEquals("error", client.next().get("type").asText());
    assertEquals("error", client.next().get("type").asText());
    JsonNode last = client.next();
    assertTrue(last.get("error").asText().contains("so it closes"), last.toString());
    client.pushed.expectComplete();
    assertEquals(3, badFrames.get());
  }

  @Test
  void everyMetricsFrameCarriesTheStagesBatchLatency() {
    var store = StageLatency.of(ports.metrics, "auth", "store");
    store.observe(0.002);
    SocketClient client = connect();
    client.send("{\"op\":\"subscribe\",\"sub\":\"m\",\"topic\":\"metrics\"}");
    client.await(data("m"));
    store.observe(0.002);
    JsonNode row = client.await(data("m")).get("data").get("latency").get(0);
    assertEquals("store", row.get("stage").asText(), row.toString());
    assertTrue(row.get("p99_ms").asDouble() > 1 && row.get("p99_ms").asDouble() <= 2.5, row + "");
    JsonNode quiet = client.await(data("m")).get("data").get("latency").get(0);
    assertTrue(quiet.get("p99_ms").isNull(), "no batch since: " + quiet);
  }

  @Test
  void unsubscribingStopsTheData() {
    SocketClient client = connect();
    client.send("{\"op\":\"subscribe\",\"sub\":\"m\",\"topic\":\"metrics\"}");
    client.await(data("m"));
    client.send("{\"op\":\"unsubscribe\",\"sub\":\"m\"}");
    client.send("{\"op\":\"unsubscribe\",\"sub\":\"m\"}");
    JsonNode error = client.await(frame -> frame.path("type").asText().equals("error"));
    assertTrue(error.get("error").asText().contains("no subscription m"), error.toString());
  }

  @Test
  void theSocketClosesWhenTheSessionThatOpenedItExpires() {
    SocketClient client = client(Duration.ofMillis(300));
    client.pushed.request(10);
    assertEquals("welcome", nextUnrequested(client).path("type").asText());
    client.pushed.expectComplete();
    client.sends.expectCancellation();
  }

  private static JsonNode nextUnrequested(SocketClient client) {
    return SocketClient.parse(client.pushed.expectNext(SocketClient.WAIT));
  }

  @Test
  void theFlowEndsWhenTheClientCloses() {
    SocketClient client = connect();
    client.pushed.request(3);
    client.sends.sendComplete();
    while (client.pushed.expectNextOrComplete().isRight()) {
      // skip frames pushed before the completion
    }
  }
}
