package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.metrics.StageCounters;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.model.ws.BinaryMessage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.testkit.TestPublisher;
import org.apache.pekko.stream.testkit.TestSubscriber;
import org.apache.pekko.stream.testkit.javadsl.TestSink;
import org.apache.pekko.stream.testkit.javadsl.TestSource;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One client's websocket flow, driven by stream probes on both sides. */
class LiveSocketTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static ActorSystem system;

  private TestPorts ports;
  private TestPublisher.Probe<Message> client;
  private TestSubscriber.Probe<Message> pushed;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create("LiveSocketTest");
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void start() {
    ports = new TestPorts(system);
  }

  @AfterEach
  void stop() {
    ports.close();
  }

  private void connect(Duration keepAlive) {
    connect(keepAlive, Duration.ofHours(1));
  }

  private void connect(Duration keepAlive, Duration lifetime) {
    LiveSocket socket =
        new LiveSocket(
            TestGatewaySettings.withKeepAlive(keepAlive),
            ports.ports(),
            JSON,
            Materializer.matFromSystem(system));
    Pair<TestPublisher.Probe<Message>, TestSubscriber.Probe<Message>> probes =
        TestSource.<Message>create(system)
            .via(socket.flow(lifetime))
            .toMat(TestSink.create(system), Keep.both())
            .run(system);
    client = probes.first();
    pushed = probes.second();
  }

  private JsonNode next() throws Exception {
    return JSON.readTree(pushed.requestNext(WAIT).asTextMessage().getStrictText());
  }

  @Test
  void aCountersFrameComesFirstAndThenEverySecond() throws Exception {
    new StageCounters(ports.metrics, "auth", "spine").forwarded(7);
    connect(Duration.ofHours(1));
    JsonNode first = next();
    assertEquals("counters", first.get("type").asText());
    assertTrue(
        first.get("series").toString().contains("\"outcome\":\"forwarded\""), first.toString());
    JsonNode second = next();
    assertEquals("counters", second.get("type").asText(), "nothing else is pushed meanwhile");
    long apart = second.get("at").asLong() - first.get("at").asLong();
    assertTrue(apart >= 900, "counters frames " + apart + " ms apart");
  }

  @Test
  void liveMessagesArePushedAsPublished() throws Exception {
    connect(Duration.ofHours(1));
    String published = "{\"type\":\"event\",\"n\":1}";
    // The flow attaches to the hub asynchronously: publish until its subscription sees one (a
    // counters frame each second bounds every wait).
    JsonNode frame = next();
    for (int round = 0; round < 10 && frame.get("type").asText().equals("counters"); round++) {
      ports.live.publish(published);
      frame = next();
    }
    assertEquals(JSON.readTree(published), frame);
  }

  @Test
  void keepAliveFramesFollowTheConfiguredInterval() throws Exception {
    connect(Duration.ofMillis(100));
    assertEquals("counters", next().get("type").asText());
    assertEquals(JSON.readTree("{\"type\":\"keepalive\"}"), next());
  }

  @Test
  void whatTheClientSendsIsReadAndIgnored() throws Exception {
    connect(Duration.ofHours(1));
    CompletableFuture<String> textRead = new CompletableFuture<>();
    CompletableFuture<ByteString> binaryRead = new CompletableFuture<>();
    client.sendNext(TextMessage.create(Source.single("hello?").wireTap(textRead::complete)));
    client.sendNext(
        BinaryMessage.create(
            Source.single(ByteString.fromString("hello?")).wireTap(binaryRead::complete)));
    // Each message's body is read to its end: a body left unread would stall the connection.
    assertEquals("hello?", textRead.get(5, TimeUnit.SECONDS));
    assertEquals(ByteString.fromString("hello?"), binaryRead.get(5, TimeUnit.SECONDS));
    assertEquals("counters", next().get("type").asText(), "the push side carries on");
  }

  @Test
  void theFlowEndsWhenTheClientCloses() {
    connect(Duration.ofHours(1));
    // A counters frame already on its way may arrive before the completion; a flow that does not
    // end runs out of this demand and the probe times out.
    pushed.request(3);
    client.sendComplete();
    while (pushed.expectNextOrComplete().isRight()) {
      // skip the frames pushed before the completion
    }
  }

  @Test
  void theSocketClosesWhenTheSessionThatOpenedItExpires() {
    connect(Duration.ofHours(1), Duration.ofMillis(300));
    pushed.request(10);
    // A counters frame comes first; then, well before the next keep-alive, the push side ends.
    assertEquals("counters", nextUnrequested().path("type").asText());
    pushed.expectComplete();
    client.expectCancellation();
  }

  @Test
  void aSessionWithNothingLeftClosesTheSocketAtOnce() {
    connect(Duration.ofHours(1), Duration.ZERO);
    pushed.request(10);
    while (pushed.expectNextOrComplete().isRight()) {
      // a counters frame may already be on its way
    }
  }

  private JsonNode nextUnrequested() {
    try {
      return JSON.readTree(pushed.expectNext(WAIT).asTextMessage().getStrictText());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theClientStopsReadingWhenThePushSideIsCancelled() {
    connect(Duration.ofHours(1));
    pushed.cancel();
    client.expectCancellation();
  }
}
