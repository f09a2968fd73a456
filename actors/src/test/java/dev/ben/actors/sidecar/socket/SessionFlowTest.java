package dev.ben.actors.sidecar.socket;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.actors.signal.Signal;
import dev.ben.actors.signal.SignalCounters;
import dev.ben.actors.testing.ActorTestBase;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.TestEventLog;
import dev.ben.config.ConnectionLimits;
import dev.ben.config.Endpoint;
import dev.ben.config.IngestSettings;
import dev.ben.config.SocketSettings;
import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.auth.AppKeys;
import dev.ben.streams.auth.RocksIdentityStore;
import dev.ben.streams.auth.StoredApp;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.EventDraft;
import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.sidecar.socket.FrameType;
import dev.ben.streams.sidecar.socket.FrameWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session flow against a real pipeline directory and signal hub: limits it enforces on its own.
 */
class SessionFlowTest extends ActorTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final ConcurrentLinkedQueue<Envelope> entered = new ConcurrentLinkedQueue<>();
  private final String key = new AppKeys(new SecureRandom()).mint("a");
  @TempDir Path dir;
  private RocksIndex index;
  private TestEventLog events;

  @BeforeEach
  void createApp() {
    index = RocksIndex.open(dir.resolve("index"));
    events = new TestEventLog(dir.resolve("eventlog"), testKit.system());
    new RocksIdentityStore(index)
        .createApp(
            new StoredApp(
                "a", AppKeys.hash(key), Instant.now(), "admin", Optional.empty(), List.of()));
  }

  @AfterEach
  void closeIndex() throws Exception {
    events.close();
    index.close();
  }

  private SocketServices services(Duration idle, int maxSessions) {
    return services(
        new SocketSettings(
            new Endpoint("127.0.0.1", 0), 4096, maxSessions, idle, 4, idle, 16, 16, 16));
  }

  private SocketServices services(SocketSettings socket) {
    ActorRef<PipelineDirectory.Command> directory = testKit.spawn(PipelineDirectory.create());
    directory.tell(
        new PipelineDirectory.Register(
            new PipelineDirectory.Ingress(
                "p",
                Sink.<List<Envelope>>foreach(entered::addAll)
                    .mapMaterializedValue(done -> NotUsed.getInstance()),
                new StageCounters(metrics, "p", "sidecar"),
                false)));
    IngestSettings ingest =
        new IngestSettings(
            new Endpoint("127.0.0.1", 0),
            1 << 20,
            4096,
            Duration.ofSeconds(2),
            16,
            socket,
            List.of(),
            new ConnectionLimits(16, 16, Duration.ofSeconds(1), 1, Duration.ofSeconds(1)));
    return new SocketServices(
        ingest,
        directory,
        testKit.system(),
        JSON,
        metrics,
        new LiveHub<>(Signal.class, Materializer.matFromSystem(testKit.system()), 16),
        new AppKeyCheck(new RocksIdentityStore(index), Duration.ofSeconds(10), 10, Runnable::run),
        events.emitter());
  }

  private ByteString hello() {
    return FrameWriter.frame(
        FrameType.HELLO,
        ByteString.fromString("{\"protocol\":1,\"key\":\"" + key + "\",\"pipeline\":\"p\"}"));
  }

  /**
   * What the server wrote to a client that sends {@code input} and then keeps the connection open,
   * silent.
   */
  private List<JsonNode> session(SocketServices services, ByteString input) throws Exception {
    List<ByteString> written =
        Source.single(input)
            .concat(Source.maybe())
            .via(SessionFlow.create(services, "test", "peer", Optional.empty()))
            .runWith(Sink.seq(), testKit.system())
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    ByteString all = written.stream().reduce(ByteString.emptyByteString(), ByteString::concat);
    List<JsonNode> frames = new java.util.ArrayList<>();
    while (!all.isEmpty()) {
      int length = all.iterator().getInt(java.nio.ByteOrder.BIG_ENDIAN);
      frames.add(JSON.readTree(all.slice(6, 4 + length).toArray()));
      all = all.drop(4 + length);
    }
    return frames;
  }

  @Test
  void aSignalWrittenToASessionIsRecordedAsDeliveredUnderItsPublication() throws Exception {
    SocketServices services = services(Duration.ofSeconds(10), 4);
    String published =
        events
            .emitter()
            .emit(
                BuiltInComponents.DETECTOR,
                new EventDraft(
                    "signal.published",
                    "lock_account sent towards app a",
                    JSON.createObjectNode().put("signal_id", "s-1").put("kind", "lock_account"),
                    null,
                    EventSubjects.NONE));
    Signal signal =
        new Signal("a", "p", "lock_account", null, "lockout", 3, "ev-1", 0, "why", published, "u1");
    SessionSignals signals = new SessionSignals(services);
    var written = signals.frames().take(1).runWith(Sink.seq(), testKit.system());
    signals.follow("a");
    // The hub takes the session's subscription asynchronously: publish until a frame is written.
    Await.until(
        () -> services.signals.publish(signal) && written.toCompletableFuture().isDone(),
        "a signal reached the session",
        Duration.ofSeconds(10));
    Await.until(
        () -> !events.events("signal.delivered").isEmpty(),
        "the delivery is in the event log",
        Duration.ofSeconds(10));
    signals.stop();
    StoredEvent delivered = events.events("signal.delivered").get(0);
    assertEquals(published, delivered.event().parentId());
    assertEquals("socket", delivered.event().data().get("connection").asText());
    assertEquals("a", delivered.event().subjects().app());
    assertEquals(
        1, metrics.value(SignalCounters.NAME, SignalCounters.labels("lock_account", "delivered")));
  }

  @Test
  void aSilentSessionIsToldWhyAndClosedAfterTheIdleTimeout() throws Exception {
    List<JsonNode> frames = session(services(Duration.ofMillis(300), 4), hello());
    assertEquals("p", frames.get(0).get("pipeline").asText(), "WELCOME");
    assertEquals("idle_timeout", frames.get(1).get("reason").asText());
    assertTrue(frames.get(1).get("fatal").asBoolean());
    assertEquals(
        1, metrics.value("ben_sidecar_socket_refused_total", Labels.of("reason", "idle_timeout")));
  }

  @Test
  void aSessionBeyondTheLimitIsToldWhyAndTheSlotIsFreedWhenASessionEnds() throws Exception {
    SocketServices services = services(Duration.ofMillis(1500), 1);
    var first =
        Source.single(hello())
            .concat(Source.maybe())
            .via(SessionFlow.create(services, "test", "peer", Optional.empty()))
            .runWith(Sink.seq(), testKit.system());
    // The node's places are for sessions past HELLO: the second is refused at its own.
    Await.until(
        () -> services.admission.authenticated() == 1,
        "the first session said HELLO",
        Duration.ofSeconds(5));
    List<JsonNode> refused = session(services, hello());
    assertEquals("too_many_sessions", refused.get(0).get("reason").asText());
    assertTrue(refused.get(0).get("message").asText().contains("max-sessions"));
    first.toCompletableFuture().get(10, TimeUnit.SECONDS);
    Await.until(
        () -> metrics.value("ben_sidecar_socket_sessions_open", Labels.NONE) == 0,
        "the first session's slot " + "is freed",
        Duration.ofSeconds(10));
    ByteString batch =
        FrameWriter.frame(
            FrameType.EVENTS,
            ByteString.fromArray(new byte[] {0, 0, 0, 0, 0, 0, 0, 1})
                .concat(ByteString.fromString("{\"n\":1}\n")));
    List<JsonNode> next = session(services, hello().concat(batch));
    assertEquals(1, next.get(1).get("accepted").asLong(), next.toString());
    assertEquals(1, entered.size());
  }

  @Test
  void sessionsThatOnlyPingDoNotLockOutAnAppAndAreClosedAfterTheHelloTimeout() throws Exception {
    // Two places for sessions past HELLO, eight pingers: pending sessions have places of their own.
    SocketServices services =
        services(
            new SocketSettings(
                new Endpoint("127.0.0.1", 0),
                4096,
                2,
                Duration.ofSeconds(30),
                4,
                Duration.ofMillis(800),
                16,
                16,
                10));
    var binding =
        Tcp.get(testKit.system())
            .bind("127.0.0.1", 0)
            .to(
                Sink.foreach(
                    connection ->
                        connection.handleWith(
                            SessionFlow.create(
                                services,
                                "tcp",
                                connection.remoteAddress().getAddress().getHostAddress(),
                                Optional.empty()),
                            testKit.system())))
            .run(testKit.system())
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);
    int port = binding.localAddress().getPort();
    List<Socket> pingers = new ArrayList<>();
    ScheduledExecutorService pinging = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < 8; i++) {
        pingers.add(new Socket("127.0.0.1", port));
      }
      pinging.scheduleAtFixedRate(
          () -> pingers.forEach(SessionFlowTest::ping), 0, 100, MILLISECONDS);
      Await.until(
          () -> metrics.value("ben_sidecar_socket_sessions_open", Labels.NONE) == 8,
          "the pingers' sessions are open",
          Duration.ofSeconds(5));
      try (Socket app = new Socket("127.0.0.1", port)) {
        app.setSoTimeout(5000);
        JsonNode ack =
            CompletableFuture.supplyAsync(() -> helloAndOneEvent(app)).get(1, TimeUnit.SECONDS);
        assertEquals(1, ack.get("accepted").asLong(), ack.toString());
        for (Socket pinger : pingers) {
          pinger.setSoTimeout(5000);
          assertEquals("hello_timeout", lastErrorBeforeClose(pinger.getInputStream()));
        }
        assertEquals(
            8,
            metrics.value(
                "ben_sidecar_socket_refused_total", Labels.of("reason", "hello_timeout")));
        assertEquals(
            1, helloAndOneEvent(app).get("accepted").asLong(), "the app's session goes on");
      }
    } finally {
      pinging.shutdownNow();
      for (Socket pinger : pingers) {
        pinger.close();
      }
      binding.unbind();
    }
  }

  private static void ping(Socket socket) {
    try {
      socket
          .getOutputStream()
          .write(FrameWriter.frame(FrameType.PING, ByteString.emptyByteString()).toArray());
    } catch (IOException closed) {
      // Closed by the node: what the test waits for.
    }
  }

  /** Says HELLO unless the session has, sends one event and answers its ACK. */
  private JsonNode helloAndOneEvent(Socket app) {
    try {
      OutputStream out = app.getOutputStream();
      if (!welcomed) {
        out.write(hello().toArray());
        assertEquals(FrameType.WELCOME.code(), readFrame(app.getInputStream())[1]);
        welcomed = true;
      }
      out.write(
          FrameWriter.frame(
                  FrameType.EVENTS,
                  ByteString.fromArray(new byte[] {0, 0, 0, 0, 0, 0, 0, 1})
                      .concat(ByteString.fromString("{\"n\":1}\n")))
              .toArray());
      byte[] frame = readFrame(app.getInputStream());
      return JSON.readTree(java.util.Arrays.copyOfRange(frame, 2, frame.length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean welcomed;

  /** The reason of the last ERROR the node wrote before it closed the connection. */
  private static String lastErrorBeforeClose(InputStream in) throws IOException {
    String reason = "";
    for (byte[] frame = readFrame(in); frame != null; frame = readFrame(in)) {
      if (frame[1] == FrameType.ERROR.code()) {
        reason =
            JSON.readTree(java.util.Arrays.copyOfRange(frame, 2, frame.length))
                .get("reason")
                .asText();
      }
    }
    return reason;
  }

  /** The next frame's lane, type and payload; null once the node closed the connection. */
  private static byte[] readFrame(InputStream in) throws IOException {
    byte[] prefix = in.readNBytes(4);
    if (prefix.length < 4) {
      return null;
    }
    int length = java.nio.ByteBuffer.wrap(prefix).getInt();
    return in.readNBytes(length);
  }
}
