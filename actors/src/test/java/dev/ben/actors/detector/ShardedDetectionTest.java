package dev.ben.actors.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.signal.SignalCounters;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.metrics.Labels;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node running a contract with keyed state: every invocation's detector values come from the
 * user's Cluster Sharding shard, so they build up per user across requests, and the playbook fires
 * on the user's 4th event.
 */
@CapturedLogs
class ShardedDetectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INVOKE = "/api/v1/invoke/" + PingContracts.PIPELINE + "?app=shop";

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir Path keyDir;

  @Test
  void stateBuildsUpPerUserInItsShardAndThePlaybookFiresOnTheFourthEvent() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    try (TestNode node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\nben.detector.shards = 8\n"
                + "ben.ledger.trusted-keys = [\""
                + contracts.publicKey()
                + "\"]",
            batch -> {})) {
      try (ControlClient control = new ControlClient(node)) {
        long version = control.stage(contracts.detectingBundle()).getStaged(0).getVersion();
        control.deploy(PingContracts.PIPELINE, version, Duration.ofSeconds(20));
      }
      Await.until(
          () -> invoke(node, "{\"id\":\"warm\",\"user\":\"warm\",\"n\":1}").statusCode() == 200,
          "the pipeline is invocable",
          Duration.ofSeconds(20));
      // Warming up may itself have fired for user "warm"; only ann's and bob's firings count from
      // here.
      Labels published = SignalCounters.labels("page", "published");
      long before = node.metrics.value("ben_signals_total", published);
      List<Double> annSeen = new ArrayList<>();
      List<String> annPlaybooks = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        JsonNode ann = answer(node, "{\"id\":\"a" + i + "\",\"user\":\"ann\",\"n\":3}");
        annSeen.add(ann.get("detectors").get("per_user.seen").asDouble());
        ann.get("playbooks")
            .forEach(p -> annPlaybooks.add(p.get("status").asText() + " " + p.get("args")));
        JsonNode bob = answer(node, "{\"id\":\"b" + i + "\",\"user\":\"bob\",\"n\":3}");
        assertEquals(
            i + 1.0,
            bob.get("detectors").get("per_user.seen").asDouble(),
            "bob's count is his own");
      }
      assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), annSeen);
      assertEquals(
          List.of(
              "FIRED {\"id\":\"a3\",\"reason\":\"chatty\"}",
              "SUPPRESSED {\"id\":\"a4\",\"reason\":\"chatty\"}"),
          annPlaybooks);
      Await.until(
          () -> node.metrics.value("ben_signals_total", published) == before + 2,
          "ann's and bob's firings are published as signals",
          Duration.ofSeconds(10));
    }
  }

  private static HttpResponse<String> invoke(TestNode node, String body) {
    try {
      return node.post(INVOKE, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode answer(TestNode node, String body) throws Exception {
    HttpResponse<String> response = invoke(node, body);
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }
}
