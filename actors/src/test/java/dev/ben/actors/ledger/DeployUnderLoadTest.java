package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.api.control.ComponentState;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionState;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole activation path on one node with the embedded backends (RocksDB ledger, local blobs,
 * in-JVM notices): benctl's gRPC calls, the ledger, store access, the contract holder's pull and
 * swap, the ack and the decision.
 */
@CapturedLogs
class DeployUnderLoadTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ConcurrentLinkedQueue<Envelope> rawEvents = new ConcurrentLinkedQueue<>();

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir static Path keyDir;

  private static PingContracts contracts;
  private static TestNode node;
  private static ControlClient control;

  @BeforeAll
  static void start() throws Exception {
    contracts = new PingContracts(keyDir);
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\nben.flow.store-batch-interval = 50ms\n"
                + "ben.ledger.activation-timeout = 20s\nben.ledger.trusted-keys = [\""
                + contracts.publicKey()
                + "\"]",
            rawEvents::addAll);
    control = new ControlClient(node);
  }

  @AfterAll
  static void stop() throws Exception {
    control.close();
    node.close();
  }

  @Test
  void aBundleSignedByAnUntrustedKeyIsRefusedWithTheReason() {
    var failure =
        assertThrows(
            ExecutionException.class, () -> control.stage(PingContracts.untrustedBundle(10)));
    Status status = ((StatusRuntimeException) failure.getCause()).getStatus();
    assertEquals(Status.Code.PERMISSION_DENIED, status.getCode());
    assertTrue(status.getDescription().contains("not trusted"), status.getDescription());
  }

  @Test
  void aDeployActivatesOnlyOnceTheSpineAcknowledged() throws Exception {
    long version = control.stage(contracts.bundle(10)).getStaged(0).getVersion();
    PipelineStatus status = control.deploy(PingContracts.PIPELINE, version, Duration.ofSeconds(20));
    assertEquals(version, status.getActiveVersion(), status.toString());
    ComponentState spine =
        status.getComponentsList().stream()
            .filter(c -> c.getKind().equals("spine"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no spine in " + status));
    assertEquals(version, spine.getRunningVersion());
    assertTrue(spine.getAcked());
    Await.until(
        () -> kinds().containsAll(List.of("store", "detector", "spine", "proxy", "sidecar")),
        "status lists the pipeline's running components from the orchestrator",
        Duration.ofSeconds(10));
    List<String> history =
        control.status(PingContracts.PIPELINE, true).getHistoryList().stream()
            .filter(e -> e.getVersion() == version)
            .map(e -> e.getType())
            .toList();
    assertTrue(
        history.containsAll(List.of("staged", "deploy", "ack", "activated")), history.toString());
  }

  @Test
  void everyEventUnderLoadIsDecidedByExactlyTheVersionItRecords() throws Exception {
    long lenient = control.stage(contracts.bundle(10)).getStaged(0).getVersion();
    long strict = control.stage(contracts.bundle(20)).getStaged(0).getVersion();
    assertEquals(
        lenient,
        control.deploy(PingContracts.PIPELINE, lenient, Duration.ofSeconds(20)).getActiveVersion());
    long before = node.rows("pings");
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong accepted = new AtomicLong();
    Thread load = new Thread(() -> postUntilStopped(running, accepted), "load");
    load.start();
    try {
      Await.until(
          () -> versions().contains(lenient),
          "events decided by v" + lenient,
          Duration.ofSeconds(20));
      PipelineStatus swapped =
          control.deploy(PingContracts.PIPELINE, strict, Duration.ofSeconds(20));
      assertEquals(strict, swapped.getActiveVersion(), swapped.toString());
      assertEquals(
          VersionState.ACTIVE,
          swapped.getVersionsList().stream()
              .filter(v -> v.getVersion() == strict)
              .findFirst()
              .orElseThrow()
              .getState());
      Await.until(
          () -> versions().contains(strict),
          "events decided by v" + strict,
          Duration.ofSeconds(20));
    } finally {
      running.set(false);
      load.join();
    }
    Await.until(
        () -> node.rows("pings") - before == accepted.get(),
        () ->
            "every accepted event stored ("
                + accepted.get()
                + " accepted, "
                + (node.rows("pings") - before)
                + " stored, store stage "
                + new StageCounters(node.metrics, PingContracts.PIPELINE, "store").totals()
                + ")",
        Duration.ofSeconds(20));
    assertTrue(rawEvents.isEmpty(), "nothing of a contract-driven pipeline goes to ben_events");
    Map<Long, Integer> limits = Map.of(lenient, 10, strict, 20);
    long previous = 0;
    // The load posts ids e0, e1, ... from one thread, so their numbers are the order the spine saw
    // them in.
    List<ObjectNode> mine =
        node.store.queryJson("SELECT id, n, contract_version, rules FROM pings").stream()
            .sorted(
                Comparator.comparingLong(
                    row -> Long.parseLong(row.get("id").asText().substring(1))))
            .toList();
    Map<Long, Long> perVersion = new HashMap<>();
    for (ObjectNode row : mine) {
      long version = row.get("contract_version").asLong();
      boolean flagged = row.get("rules").toString().contains("\"" + PingContracts.RULE + "\"");
      int n = row.get("n").asInt();
      assertEquals(
          n > limits.get(version),
          flagged,
          "event "
              + row.get("id").asText()
              + " (n="
              + n
              + ") recorded v"
              + version
              + " but was decided "
              + (flagged ? "flagged" : "not flagged"));
      assertTrue(
          version >= previous, "v" + version + " after v" + previous + ": the swap went back");
      previous = version;
      perVersion.merge(version, 1L, Long::sum);
    }
    assertFalse(perVersion.containsKey(0L));
    assertEquals(2, perVersion.size(), perVersion.toString());
  }

  private static List<String> kinds() {
    try {
      return control.status(PingContracts.PIPELINE, false).getComponentsList().stream()
          .map(c -> c.getKind())
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.util.Set<Long> versions() {
    java.util.Set<Long> out = new java.util.TreeSet<>();
    if (node.rows("pings") > 0) {
      node.store
          .queryJson("SELECT DISTINCT contract_version FROM pings")
          .forEach(row -> out.add(row.get("contract_version").asLong()));
    }
    return out;
  }

  /**
   * Batches of events whose n alternates around both limits, so each version decides some
   * differently.
   */
  private static void postUntilStopped(AtomicBoolean running, AtomicLong accepted) {
    long seq = 0;
    try {
      while (running.get()) {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 50; i++, seq++) {
          batch
              .append("{\"id\":\"e")
              .append(seq)
              .append("\",\"n\":")
              .append(5 + seq % 25)
              .append("}\n");
        }
        var response =
            node.post("/api/v1/events?pipeline=" + PingContracts.PIPELINE, batch.toString());
        if (response.statusCode() == 200) {
          accepted.addAndGet(JSON.readTree(response.body()).get("accepted").asLong());
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("the load stopped: " + e.getMessage(), e);
    }
  }
}
