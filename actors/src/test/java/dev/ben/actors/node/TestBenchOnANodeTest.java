package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bux's test bench runs a version the ledger holds, read through the node's ledger port. */
@CapturedLogs
class TestBenchOnANodeTest {

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir Path keyDir;

  private final ObjectMapper mapper = new ObjectMapper();
  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private PingContracts contracts;
  private TestNode node;
  private ControlClient control;
  private WebSocket socket;

  @BeforeEach
  void start() throws Exception {
    contracts = new PingContracts(keyDir);
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\nben.ledger.trusted-keys = [\""
                + contracts.publicKey()
                + "\"]",
            batch -> {});
    control = new ControlClient(node);
    socket =
        node.http()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + node.adminToken())
            .buildAsync(
                URI.create("ws://127.0.0.1:" + node.endpoints.gateway().port() + "/ws"),
                new WebSocket.Listener() {
                  private final StringBuilder partial = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      try {
                        frames.add(mapper.readTree(partial.toString()));
                      } catch (Exception e) {
                        throw new AssertionError(e);
                      }
                      partial.setLength(0);
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    socket.abort();
    control.close();
    node.close();
  }

  private JsonNode answerTo(String id, Object version) throws Exception {
    ObjectNode request =
        mapper.createObjectNode().put("op", "request").put("id", id).put("method", "testbench");
    ObjectNode params =
        request
            .putObject("params")
            .put("pipeline", PingContracts.PIPELINE)
            .put("events", "{\"id\":\"a\",\"n\":5}\n{\"id\":\"b\",\"n\":50}\n");
    params.set("version", mapper.valueToTree(version));
    socket.sendText(request.toString(), true).get(10, TimeUnit.SECONDS);
    for (JsonNode frame = frames.poll(20, TimeUnit.SECONDS);
        frame != null;
        frame = frames.poll(20, TimeUnit.SECONDS)) {
      if (id.equals(frame.path("id").asText())) {
        return frame;
      }
    }
    throw new AssertionError("no answer to " + id);
  }

  @Test
  void theActiveVersionDecidesAsItWouldOnTheDataPath() throws Exception {
    long version = control.stage(contracts.bundle(10)).getStaged(0).getVersion();
    control.deploy(PingContracts.PIPELINE, version, Duration.ofSeconds(20));
    JsonNode reply = answerTo("r1", "active");
    assertEquals("reply", reply.get("type").asText(), reply.toString());
    JsonNode outcomes = reply.get("result").get("outcomes");
    assertEquals(2, outcomes.size());
    assertEquals(0, outcomes.get(0).get("rules").size(), "5 is within the limit");
    assertEquals(PingContracts.RULE, outcomes.get(1).get("rules").get(0).asText());
    JsonNode missing = answerTo("r2", 99);
    assertEquals("error", missing.get("type").asText(), missing.toString());
    assertTrue(missing.get("error").asText().contains("no version 99"), missing.toString());
  }
}
