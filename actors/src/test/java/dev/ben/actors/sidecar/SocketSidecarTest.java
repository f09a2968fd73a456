package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.signal.SignalCounters;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.api.control.LifecycleAction;
import dev.ben.client.Ack;
import dev.ben.client.BenSocketClient;
import dev.ben.client.BenSocketException;
import dev.ben.streams.metrics.Labels;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The socket sidecar of a node running the acting ping contract with {@code sidecar { http, uds
 * "pings.sock" }}: batches acked line by line, signals to the session of the app that fired them,
 * over TCP and the pipeline's Unix socket through the Java client; garbage answered with a reason
 * and counted.
 */
@CapturedLogs
class SocketSidecarTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PIPELINE = PingContracts.PIPELINE;

  /** The node's home; JUnit deletes it. */
  @TempDir static Path home;

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir static Path keyDir;

  private static TestNode node;
  private static Path socketFile;
  private static ControlClient control;

  @BeforeAll
  static void start() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    socketFile = home.resolve("run").resolve("pings.sock");
    leaveStaleSocket(socketFile);
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\n"
                + "ben.ledger.trusted-keys = [\""
                + contracts.publicKey()
                + "\"]",
            batch -> {},
            home);
    control = new ControlClient(node);
    long version =
        control
            .stage(contracts.actingBundleWithSidecar("http, uds \"pings.sock\""))
            .getStaged(0)
            .getVersion();
    assertEquals(
        version, control.deploy(PIPELINE, version, Duration.ofSeconds(20)).getActiveVersion());
    // The sidecar registers (and its socket opens) once the pipeline's whole chain runs, which may
    // trail activation.
    open(() -> tcp("warm")).close();
    open(() -> BenSocketClient.unix(socketFile, node.appKey("warm"))).close();
  }

  @AfterAll
  static void stop() throws Exception {
    control.close();
    node.close();
    assertTrue(!Files.exists(socketFile), "the socket file is removed when the node stops");
  }

  /** A socket file as a crashed process leaves it: bound, then closed without being removed. */
  private static void leaveStaleSocket(Path path) throws Exception {
    Files.createDirectories(path.getParent());
    try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      crashed.bind(UnixDomainSocketAddress.of(path));
    }
  }

  interface Opener {
    BenSocketClient open() throws Exception;
  }

  /**
   * Opens a session once the pipeline takes them (HELLO is refused, or the socket missing, until
   * then).
   */
  private static BenSocketClient open(Opener opener) {
    List<BenSocketClient> opened = new ArrayList<>();
    Await.until(
        () -> {
          try {
            opened.add(opener.open());
            return true;
          } catch (Exception notYet) {
            return false;
          }
        },
        "a socket session opens",
        Duration.ofSeconds(30));
    return opened.get(0);
  }

  private static BenSocketClient tcp(String app) throws Exception {
    return BenSocketClient.tcp(
        "127.0.0.1", node.endpoints.socket().port(), node.appKey(app), PIPELINE);
  }

  @Test
  void batchesAreAckedWithEveryRefusedLineByNumberAndReasonOverTcpAndUnixSockets()
      throws Exception {
    List<Supplier<BenSocketClient>> transports =
        List.of(
            () -> open(() -> tcp("shop")),
            () -> open(() -> BenSocketClient.unix(socketFile, node.appKey("shop"))));
    for (Supplier<BenSocketClient> transport : transports) {
      try (BenSocketClient client = transport.get()) {
        assertEquals(PIPELINE, client.welcome().get("pipeline"));
        List<String> batch =
            List.of("{\"id\":\"a\",\"n\":1}", "{nope", "[1]", "{\"id\":\"b\",\"n\":2}");
        Ack ack = client.send(batch);
        assertEquals(batch.size(), ack.accepted() + ack.refused(), ack.toString());
        assertEquals(2, ack.accepted(), ack.toString());
        assertEquals(List.of(2L, 3L), ack.refusals().stream().map(Ack.Refusal::line).toList());
        assertEquals(
            List.of("malformed_json", "not_an_object"),
            ack.refusals().stream().map(Ack.Refusal::reason).toList());
        assertEquals(
            1, client.send(List.of("{\"id\":\"c\",\"n\":3}")).accepted(), "the session goes on");
      }
    }
  }

  @Test
  void aFiredPlaybooksSignalReachesTheSessionsOfItsAppAndNoOther() throws Exception {
    try (BenSocketClient shop = open(() -> tcp("shop"));
        BenSocketClient shopUnix =
            open(() -> BenSocketClient.unix(socketFile, node.appKey("shop")));
        BenSocketClient other = open(() -> tcp("other"))) {
      List<JsonNode> toShop = fireUntilReceived(shop, "shop", List.of(shop, shopUnix));
      JsonNode signal = toShop.get(0);
      assertEquals("page", signal.get("signal").asText());
      assertEquals("shop-answer", signal.get("args").get("id").asText());
      assertEquals("answer_found", signal.get("playbook").asText());
      assertEquals(PIPELINE, signal.get("pipeline").asText());
      assertTrue(!signal.path("event_id").asText().isEmpty(), signal.toString());
      List<JsonNode> toOther = fireUntilReceived(other, "other", List.of(other));
      toShop.addAll(drain(shop));
      toShop.addAll(drain(shopUnix));
      assertTrue(
          toShop.stream().allMatch(s -> s.get("app").asText().equals("shop")), toShop.toString());
      assertTrue(
          toOther.stream().allMatch(s -> s.get("app").asText().equals("other")),
          toOther.toString());
      Await.until(
          () -> signals("acked") >= 3 && signals("delivered") >= 3,
          "the deliveries are acked",
          Duration.ofSeconds(10));
    }
  }

  /**
   * Sends the event that fires the playbook until every listed session has a signal: a session
   * follows its app's signals from its HELLO, but the node's hub attaches the new follower
   * asynchronously.
   */
  private static List<JsonNode> fireUntilReceived(
      BenSocketClient sender, String app, List<BenSocketClient> sessions) throws Exception {
    List<List<JsonNode>> received = new ArrayList<>();
    sessions.forEach(session -> received.add(new ArrayList<>()));
    Await.until(
        () -> {
          try {
            assertEquals(
                1, sender.send(List.of("{\"id\":\"" + app + "-answer\",\"n\":42}")).accepted());
            for (int i = 0; i < sessions.size(); i++) {
              String json = sessions.get(i).signals().poll(200, TimeUnit.MILLISECONDS);
              if (json != null) {
                received.get(i).add(JSON.readTree(json));
              }
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return received.stream().noneMatch(List::isEmpty);
        },
        app + "'s sessions receive the signal its event fired",
        Duration.ofSeconds(30));
    List<JsonNode> all = new ArrayList<>();
    received.forEach(all::addAll);
    return all;
  }

  private static List<JsonNode> drain(BenSocketClient session) throws Exception {
    List<JsonNode> left = new ArrayList<>();
    for (String json = session.signals().poll(); json != null; json = session.signals().poll()) {
      left.add(JSON.readTree(json));
    }
    return left;
  }

  @Test
  void garbageIsRefusedWithAReasonAndCountedAndOnlyABadLengthEndsTheSession() throws Exception {
    long before = refused("unknown_type") + refused("hello_required") + refused("frame_too_large");
    try (RawSocketSession raw = new RawSocketSession(node.endpoints.socket().port())) {
      raw.frame(1, 1, new byte[] {0, 0, 0, 0, 0, 0, 0, 7, '{', '}', '\n'});
      JsonNode early = raw.read().json();
      assertEquals("hello_required", early.get("reason").asText());
      assertEquals(7, early.get("seq").asLong());
      raw.frame(0, 99, "");
      RawSocketSession.Frame error = raw.read();
      assertEquals(5, error.type(), "an ERROR frame");
      assertEquals("unknown_type", error.json().get("reason").asText());
      assertTrue(error.json().get("message").asText().contains("type 99"), error.json().toString());
      raw.frame(0, 7, "");
      assertEquals(8, raw.read().type(), "PONG: the session went on");
      raw.send(new byte[] {0x7f, 0, 0, 0, 1, 2, 3});
      JsonNode fatal = raw.read().json();
      assertEquals("frame_too_large", fatal.get("reason").asText());
      assertTrue(
          fatal.get("fatal").asBoolean()
              && fatal.get("message").asText().contains("max-frame-bytes"));
      assertTrue(raw.closedByServer());
    }
    Await.until(
        () ->
            refused("unknown_type") + refused("hello_required") + refused("frame_too_large")
                >= before + 3,
        "the refusals are counted",
        Duration.ofSeconds(10));
  }

  @Test
  void aPausedPipelinesSocketIsRemovedAndReturnsOnResume() throws Exception {
    BenSocketException unknown =
        assertThrows(
            BenSocketException.class,
            () ->
                BenSocketClient.tcp(
                    "127.0.0.1", node.endpoints.socket().port(), node.appKey("shop"), "nope"));
    assertEquals("unknown_pipeline", unknown.reason());
    control.lifecycle(PIPELINE, LifecycleAction.PAUSE);
    try {
      Await.until(() -> !Files.exists(socketFile), "the paused pipeline's socket file is removed");
    } finally {
      control.lifecycle(PIPELINE, LifecycleAction.RESUME);
    }
    open(() -> BenSocketClient.unix(socketFile, node.appKey("shop"))).close();
  }

  private static long signals(String outcome) {
    return node.metrics.value(SignalCounters.NAME, SignalCounters.labels("page", outcome));
  }

  private static long refused(String reason) {
    return node.metrics.value("ben_sidecar_socket_refused_total", Labels.of("reason", reason));
  }
}
