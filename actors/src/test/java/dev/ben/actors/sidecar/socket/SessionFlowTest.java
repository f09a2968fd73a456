package dev.ben.actors.sidecar.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.actors.signal.Signal;
import dev.ben.actors.testing.ActorTestBase;
import dev.ben.actors.testing.Await;
import dev.ben.config.Endpoint;
import dev.ben.config.IngestSettings;
import dev.ben.config.SocketSettings;
import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.auth.AppKeys;
import dev.ben.streams.auth.RocksIdentityStore;
import dev.ben.streams.auth.StoredApp;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.sidecar.socket.FrameType;
import dev.ben.streams.sidecar.socket.FrameWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
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

  @BeforeEach
  void createApp() {
    index = RocksIndex.open(dir.resolve("index"));
    new RocksIdentityStore(index)
        .createApp(
            new StoredApp(
                "a", AppKeys.hash(key), Instant.now(), "admin", Optional.empty(), List.of()));
  }

  @AfterEach
  void closeIndex() {
    index.close();
  }

  private SocketServices services(Duration idle, int maxSessions) {
    ActorRef<PipelineDirectory.Command> directory = testKit.spawn(PipelineDirectory.create());
    directory.tell(
        new PipelineDirectory.Register(
            new PipelineDirectory.Ingress(
                "p",
                Sink.<Envelope>foreach(entered::add)
                    .mapMaterializedValue(done -> NotUsed.getInstance()),
                new StageCounters(metrics, "p", "sidecar"),
                false)));
    IngestSettings ingest =
        new IngestSettings(
            new Endpoint("127.0.0.1", 0),
            1 << 20,
            4096,
            Duration.ofSeconds(2),
            new SocketSettings(new Endpoint("127.0.0.1", 0), 4096, maxSessions, idle, 4),
            List.of());
    return new SocketServices(
        ingest,
        directory,
        testKit.system(),
        JSON,
        metrics,
        new LiveHub<>(Signal.class, Materializer.matFromSystem(testKit.system()), 16),
        new AppKeyCheck(new RocksIdentityStore(index), Duration.ofSeconds(10), 10, Runnable::run));
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
            .via(SessionFlow.create(services, "test", java.util.Optional.empty()))
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
            .via(SessionFlow.create(services, "test", java.util.Optional.empty()))
            .runWith(Sink.seq(), testKit.system());
    List<JsonNode> refused = session(services, hello());
    assertEquals("too_many_sessions", refused.get(0).get("reason").asText());
    assertTrue(refused.get(0).get("message").asText().contains("max-sessions"));
    first.toCompletableFuture().get(10, TimeUnit.SECONDS);
    Await.until(
        () -> metrics.value("ben_sidecar_socket_sessions", Labels.NONE) == 0,
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
}
