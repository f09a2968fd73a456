package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request bodies that stop part-way, over a real socket: whatever the sidecar counted accepted is
 * exactly what reaches the pipeline's store, and the answer (when the client is still there) says
 * what was taken and from which line to resend.
 */
@CapturedLogs
class IngestBodyTest {

  private static final long LIMIT = 256 * 1024;
  private static final List<Envelope> stored = new CopyOnWriteArrayList<>();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestNode node;

  @BeforeAll
  static void start() {
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = [closed, reset, limit]\n"
                + "ben.flow.store-batch-interval = 50ms\n"
                + "ben.ingest.max-request-bytes = "
                + LIMIT,
            stored::addAll);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void aClientThatClosesMidBodyLeavesExactlyTheAcceptedEventsStored() throws Exception {
    long cut = cutShort("unreadable");
    try (RawHttpRequest request = open("closed")) {
      for (int n = 1; n <= 300; n++) {
        request.chunk("{\"n\":" + n + "}\n" + (n == 300 ? "{\"n\":301,\"cut" : ""));
      }
    }
    Await.until(() -> cutShort("unreadable") == cut + 1, "the request is counted cut short");
    assertEquals(300, accepted("closed"), "every complete line, not the interrupted one");
    Await.until(() -> storedIn("closed") == 300, "every accepted event is stored");
  }

  @Test
  void aResetConnectionLeavesExactlyTheAcceptedEventsStored() throws Exception {
    long cut = cutShort("unreadable");
    RawHttpRequest request = open("reset");
    for (int n = 1; n <= 2000; n++) {
      request.chunk("{\"n\":" + n + ",\"pad\":\"" + "x".repeat(100) + "\"}\n");
    }
    request.reset();
    Await.until(() -> cutShort("unreadable") == cut + 1, "the request is counted cut short");
    long accepted = accepted("reset");
    assertTrue(accepted <= 2000, "accepted " + accepted);
    Await.until(() -> storedIn("reset") == accepted, accepted + " accepted events stored");
  }

  @Test
  void aChunkedBodyOverTheLimitIsAnswered413WithWhatWasTakenAndWhereToResume() throws Exception {
    long cut = cutShort("too_large");
    String line = "{\"pad\":\"" + "x".repeat(1000) + "\"}\n";
    int lines = (int) (LIMIT / line.length()) + 20;
    RawHttpRequest.Response response;
    try (RawHttpRequest request = open("limit")) {
      for (int n = 1; n <= lines; n++) {
        request.chunk(line);
      }
      response = request.response();
    }
    assertEquals(413, response.status(), response.body());
    JsonNode body = JSON.readTree(response.body());
    long accepted = body.get("accepted").asLong();
    assertEquals(LIMIT / line.length(), accepted, response.body());
    assertEquals(0, body.get("refused").asLong());
    assertEquals(accepted + 1, body.get("resume_from_line").asLong());
    assertTrue(body.get("error").asText().contains("exceeds " + LIMIT + " bytes"), response.body());
    assertEquals(cut + 1, cutShort("too_large"));
    assertEquals(accepted, accepted("limit"));
    Await.until(() -> storedIn("limit") == accepted, accepted + " accepted events stored");
  }

  private static RawHttpRequest open(String pipeline) throws Exception {
    return new RawHttpRequest(
        node.endpoints.ingest().port(),
        "/api/v1/events?pipeline=" + pipeline,
        "Authorization: Bearer " + node.appKey("default"),
        "Content-Type: application/x-ndjson");
  }

  private static long cutShort(String reason) {
    return cutShortOf(node, reason);
  }

  /** Requests to /events counted cut short for this reason on a node. */
  static long cutShortOf(TestNode on, String reason) {
    return on.metrics.value(
        "ben_ingest_cut_short_total", Labels.of("route", "events", "reason", reason));
  }

  private static long accepted(String pipeline) {
    return new StageCounters(node.metrics, pipeline, "sidecar").value(Outcome.ACCEPTED, "");
  }

  private static long storedIn(String pipeline) {
    return stored.stream().filter(e -> e.pipeline().equals(pipeline)).count();
  }
}
