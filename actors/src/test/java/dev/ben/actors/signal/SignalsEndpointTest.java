package dev.ben.actors.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A playbook fired by an app's event reaches that app's server-sent-event stream, and only that
 * app's, with what explains it; each step is counted.
 */
@CapturedLogs
class SignalsEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir static Path keyDir;

  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\nben.ledger.trusted-keys = [\""
                + contracts.publicKey()
                + "\"]",
            batch -> {});
    try (ControlClient control = new ControlClient(node)) {
      long version = control.stage(contracts.actingBundle()).getStaged(0).getVersion();
      assertEquals(
          version,
          control
              .deploy(PingContracts.PIPELINE, version, Duration.ofSeconds(20))
              .getActiveVersion());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  /**
   * The signals an app receives, read from its stream in the background; its key alone says which
   * app's.
   */
  private static List<JsonNode> listen(String app) {
    List<JsonNode> received = new CopyOnWriteArrayList<>();
    HttpRequest request =
        HttpRequest.newBuilder(node.ingest("/api/v1/signals"))
            .header("Authorization", "Bearer " + node.appKey(app))
            .GET()
            .build();
    node.http()
        .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAccept(
            response -> {
              try (Stream<String> lines = response.body()) {
                lines
                    .filter(line -> line.startsWith("data:"))
                    .forEach(
                        line -> {
                          try {
                            received.add(JSON.readTree(line.substring("data:".length())));
                          } catch (Exception e) {
                            throw new IllegalStateException("not a signal: " + line, e);
                          }
                        });
              }
            });
    return received;
  }

  /**
   * Posts the event that fires the playbook until the app's stream has a signal (the stream
   * attaches async).
   */
  private static void fireUntilReceived(String app, List<JsonNode> received) {
    Await.until(
        () -> {
          try {
            node.post(
                "/api/v1/events?pipeline=" + PingContracts.PIPELINE + "&app=" + app,
                "{\"id\":\"" + app + "-answer\",\"n\":42}\n");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return !received.isEmpty();
        },
        app + " receives the signal its event fired",
        Duration.ofSeconds(20));
  }

  @Test
  void aFiredPlaybooksSignalReachesTheAppWhoseEventFiredItAndNoOther() {
    List<JsonNode> shop = listen("shop");
    List<JsonNode> other = listen("other");
    fireUntilReceived("shop", shop);
    fireUntilReceived("other", other);

    JsonNode signal = shop.get(0);
    assertEquals("page", signal.get("signal").asText());
    assertEquals("shop", signal.get("app").asText());
    assertEquals("shop-answer", signal.get("args").get("id").asText());
    assertEquals("answer_found", signal.get("playbook").asText());
    assertEquals(PingContracts.PIPELINE, signal.get("pipeline").asText());
    assertTrue(
        !signal.path("event_id").asText().isEmpty(),
        "the signal names the event that fired it: " + signal);
    assertTrue(signal.get("contract_version").asLong() >= 1, signal.toString());
    assertTrue(shop.stream().allMatch(s -> s.get("app").asText().equals("shop")), shop.toString());
    assertTrue(
        other.stream().allMatch(s -> s.get("app").asText().equals("other")), other.toString());
    assertTrue(
        count("published") >= 2 && count("relayed") >= 2 && count("delivered") >= 2,
        "published "
            + count("published")
            + ", relayed "
            + count("relayed")
            + ", delivered "
            + count("delivered"));
  }

  private static long count(String outcome) {
    return node.metrics.value(SignalCounters.NAME, SignalCounters.labels("page", outcome));
  }
}
