package dev.ben.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.lucius.ScrubQueue;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployed contract drives the node's data path: events posted over HTTP are dropped, sampled and
 * redacted by the spine as the contract says, the kept ones land in the schema's table ({@code
 * pings}) with their decisions, nothing with a {@code @pii} value in clear reaches the store, and
 * the spine's counts account for every event it took.
 */
@CapturedLogs
class ContractDrivenPipelineTest {

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir Path keyDir;

  @Test
  void theSpineActsOnTheDeployedContractBeforeAnythingIsStored() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    ConcurrentLinkedQueue<Envelope> rawEvents = new ConcurrentLinkedQueue<>();
    try (TestNode node =
            new TestNode(
                "ben.node.pass-through-pipelines = []\nben.flow.store-batch-interval = 50ms\n"
                    + "ben.ledger.trusted-keys = [\""
                    + contracts.publicKey()
                    + "\"]",
                rawEvents::addAll);
        ControlClient control = new ControlClient(node)) {
      long version = control.stage(contracts.actingBundle()).getStaged(0).getVersion();
      assertEquals(
          version,
          control
              .deploy(PingContracts.PIPELINE, version, Duration.ofSeconds(20))
              .getActiveVersion());
      String events =
          """
          {"id": "huge", "n": 500, "email": "ann@example.com"}
          {"id": "mid1", "n": 60}
          {"id": "mid2", "n": 60}
          {"id": "small", "n": 1, "email": "bob@example.com"}
          {"id": "bad", "n": "many"}
          {"id": "unlucky", "n": 13}
          """;
      // The sidecar registers its ingress when it starts, which may trail the activation: retry
      // until taken.
      Await.until(
          () -> post(node, events) == 200, "the pipeline takes the events", Duration.ofSeconds(20));
      StageCounters spine = new StageCounters(node.metrics, PingContracts.PIPELINE, "spine");
      Await.until(() -> node.rows("pings") == 2, "the kept events stored", Duration.ofSeconds(20));

      List<ObjectNode> stored = node.store.queryJson("SELECT * FROM pings ORDER BY id");
      assertEquals(
          List.of("mid1", "small"), stored.stream().map(row -> row.get("id").asText()).toList());
      stored.forEach(row -> assertFalse(row.toString().contains("@example.com"), row.toString()));
      assertTrue(
          stored.get(1).get("email").asText().length() > 0,
          "the masked email is stored, not dropped");
      assertEquals(
          "[\"sample_mid\"]",
          stored.get(0).get("rules").toString(),
          "the decisions are stored too");
      assertEquals("pass", stored.get(1).get("action").asText());
      assertTrue(rawEvents.isEmpty(), "nothing of a contract-driven pipeline goes to ben_events");
      assertEquals(1, spine.value(Outcome.REFUSED, "too big"));
      assertEquals(1, spine.value(Outcome.SHED, "sample(2)"));
      assertEquals(1, spine.value(Outcome.ROUTED, ScrubQueue.ROUTE), "n == 13 waits for the scrub");
      assertEquals(
          1,
          node.metrics.value(
              "ben_lucius_queue_events", Labels.of("pipeline", PingContracts.PIPELINE)));
      assertEquals(6, spine.total(Outcome.ACCEPTED));
      assertEquals(
          spine.total(Outcome.ACCEPTED),
          spine.total(Outcome.FORWARDED)
              + spine.total(Outcome.REFUSED)
              + spine.total(Outcome.SHED)
              + spine.total(Outcome.ROUTED));

      // benctl status shows the same counts, as the spine last reported them to the orchestrator.
      Await.until(
          () -> spineCounts(control).getOrDefault("accepted", 0L) == 6,
          "status shows the spine's counts",
          Duration.ofSeconds(20));
      java.util.Map<String, Long> counts = spineCounts(control);
      assertEquals(2, counts.get("forwarded"));
      assertEquals(2, counts.get("refused"));
      assertEquals(1, counts.get("shed"));
      assertEquals(1, counts.get("routed"));
    }
  }

  private static int post(TestNode node, String events) {
    try {
      return node.post("/api/v1/events?pipeline=" + PingContracts.PIPELINE, events).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.util.Map<String, Long> spineCounts(ControlClient control) {
    try {
      return control.status(PingContracts.PIPELINE, false).getComponentsList().stream()
          .filter(c -> c.getKind().equals("spine"))
          .findFirst()
          .map(c -> c.getCountsMap())
          .orElse(java.util.Map.of());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
