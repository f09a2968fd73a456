package dev.ben.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.GatedStore;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loss is explicit (invariant 4): a mixed, partly malformed load is pushed over HTTP into a
 * pipeline whose store is held shut, so its proxy overflows and sheds; once the store opens, every
 * event the sidecar accepted is stored, refused or shed, and every stage's own counts balance.
 */
@CapturedLogs
class OverloadAccountingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STAGES = List.of("proxy", "spine", "detector");

  /** The node's home; JUnit deletes it. */
  @TempDir Path nodeHome;

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir Path keyDir;

  @Test
  void everyAcceptedEventIsStoredRefusedOrShedExactly() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    CountDownLatch storeOpen = new CountDownLatch(1);
    AtomicLong rawEvents = new AtomicLong();
    try (TestNode node =
            new TestNode(
                "ben.node.pass-through-pipelines = []\nben.flow.stage-buffer = 8\n"
                    + "ben.flow.store-batch-size = 8\nben.flow.store-batch-interval = 20ms\n"
                    + "ben.ledger.trusted-keys = [\""
                    + contracts.publicKey()
                    + "\"]",
                batch -> rawEvents.addAndGet(batch.size()),
                nodeHome,
                store -> new GatedStore(store, "pings", storeOpen));
        ControlClient control = new ControlClient(node)) {
      long version =
          control
              .stage(
                  contracts.actingBundle(
                      "proxy { buffer 16, high_watermark 0.75, low_watermark 0.25, overload shed_oldest, coalesce 1 }"))
              .getStaged(0)
              .getVersion();
      assertEquals(
          version,
          control
              .deploy(PingContracts.PIPELINE, version, Duration.ofSeconds(20))
              .getActiveVersion());
      Await.until(
          () -> post(node, "{\"id\":\"warm\",\"n\":1}\n").statusCode() == 200,
          "the pipeline takes events",
          Duration.ofSeconds(20));

      long accepted = 1;
      long malformed = 0;
      for (int request = 0; request < 20; request++) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 50; i++) {
          int n = (request * 50 + i) % 7 == 0 ? 500 : (request * 50 + i) % 5;
          body.append("{\"id\":\"e")
              .append(request)
              .append('-')
              .append(i)
              .append("\",\"n\":")
              .append(n)
              .append("}\n");
        }
        body.append("{not json\n")
            .append("{\"id\":\"x")
            .append(request)
            .append("\",\"n\":\"many\"}\n");
        HttpResponse<String> response = post(node, body.toString());
        assertEquals(200, response.statusCode(), response.body());
        accepted += JSON.readTree(response.body()).get("accepted").asLong();
        malformed += JSON.readTree(response.body()).get("refused").asLong();
      }
      storeOpen.countDown();

      StageCounters proxy = counters(node, "proxy");
      StageCounters spine = counters(node, "spine");
      StageCounters store = counters(node, "store");
      long total = accepted;
      Await.until(
          () ->
              store.total(Outcome.STORED)
                      + spine.total(Outcome.REFUSED)
                      + spine.total(Outcome.SHED)
                      + proxy.total(Outcome.SHED)
                  == total,
          "every accepted event is stored, refused or shed",
          Duration.ofSeconds(30));
      assertEquals(20, malformed, "one line per request is not JSON");
      assertTrue(proxy.total(Outcome.SHED) > 0, "the held store made the proxy shed");
      assertTrue(
          spine.value(Outcome.REFUSED, "too big") > 0
              && spine.value(Outcome.REFUSED, "does not fit the schema") > 0,
          "the spine refused by rule and by schema");
      assertEquals(node.rows("pings"), store.total(Outcome.STORED));
      assertEquals(0, rawEvents.get(), "nothing of a contract-driven pipeline goes to ben_events");
      for (String stage : STAGES) {
        StageCounters c = counters(node, stage);
        assertEquals(
            c.total(Outcome.ACCEPTED),
            c.total(Outcome.FORWARDED) + c.total(Outcome.REFUSED) + c.total(Outcome.SHED),
            stage + " balances");
      }
      assertEquals(
          total,
          counters(node, "proxy").total(Outcome.ACCEPTED),
          "the proxy took all the sidecar accepted");
    }
  }

  private static StageCounters counters(TestNode node, String stage) {
    return new StageCounters(node.metrics, PingContracts.PIPELINE, stage);
  }

  private static HttpResponse<String> post(TestNode node, String body) {
    try {
      return node.post("/api/v1/events?pipeline=" + PingContracts.PIPELINE, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
