package dev.ben.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.wal.IngestWal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest log inside a running node: what a crash left in it is replayed into its pipeline
 * before new traffic, and {@code ben.ingest.ack = stored} answers only once the store took the
 * events.
 */
@CapturedLogs
class IngestLogPipelineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The node's home; JUnit deletes it. */
  @TempDir Path home;

  private static IngestWal.Options options() {
    return new IngestWal.Options(1 << 20, true, Duration.ofMillis(20), 64, false, Duration.ZERO);
  }

  @Test
  void eventsLeftInTheLogAreReplayedWithTheirIdsAndThenForgotten() throws Exception {
    // What a node that died before processing them left behind.
    List<Envelope> left =
        IntStream.range(0, 5)
            .mapToObj(
                i ->
                    new Envelope(
                        "crashed-" + i,
                        "rp",
                        "app",
                        1_000 + i,
                        JSON.createObjectNode().put("i", i)))
            .toList();
    try (IngestWal wal =
        IngestWal.open(home.resolve("data/wal"), options(), JSON, new MetricsRegistry())) {
      wal.pipeline("rp").append(left).toCompletableFuture().join();
    }
    Set<String> stored = ConcurrentHashMap.newKeySet();
    try (TestNode node =
        new TestNode(
            "ben.node.pass-through-pipelines = [rp]\n"
                + "ben.flow { store-batch-size = 10, store-batch-interval = 20ms }",
            batch -> batch.forEach(e -> stored.add(e.eventId())),
            home)) {
      Set<String> ids = left.stream().map(Envelope::eventId).collect(Collectors.toSet());
      Await.until(() -> stored.containsAll(ids), "the left events stored", Duration.ofSeconds(20));
      assertEquals(ids, stored, "exactly the left events, with their original ids");
      StageCounters sidecar = new StageCounters(node.metrics, "rp", "sidecar");
      assertEquals(5, sidecar.value(Outcome.ACCEPTED, PipelineStages.REPLAYED));
      assertEquals(5L, node.metrics.value("ben_wal_recovered_total", Labels.of("pipeline", "rp")));
      Await.until(
          () -> node.metrics.value("ben_wal_entries", Labels.of("pipeline", "rp")) == 0,
          "the log forgot the stored events",
          Duration.ofSeconds(10));
    }
    try (IngestWal wal =
        IngestWal.open(home.resolve("data/wal"), options(), JSON, new MetricsRegistry())) {
      assertEquals(0, wal.pipeline("rp").entries(), "nothing left to replay next time");
    }
  }

  @Test
  void aStoredAckWaitsUntilTheStoreTookTheBatch() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch storeOpen = new CountDownLatch(1);
    try (TestNode node =
        new TestNode(
            "ben.node.pass-through-pipelines = [st]\n"
                + "ben.flow { store-batch-size = 10, store-batch-interval = 20ms }\n"
                + "ben.ingest { ack = stored, ack-timeout = 20s }",
            batch -> {
              writing.countDown();
              storeOpen.await();
            })) {
      CompletableFuture<HttpResponse<String>> answer =
          node.http()
              .sendAsync(
                  node.request("/api/v1/events?pipeline=st")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}\n{\"a\":2}\n"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertTrue(
          writing.await(20, TimeUnit.SECONDS),
          () -> "the batch reached the store; the request's answer so far: " + sofar(answer));
      assertFalse(answer.isDone(), "no answer while the store holds the batch");
      storeOpen.countDown();
      HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
      assertEquals(200, response.statusCode(), response.body());
      JsonNode body = JSON.readTree(response.body());
      assertEquals(2, body.get("accepted").asLong());
      assertFalse(body.has("unconfirmed"), response.body());
    }
  }

  /** What a pending answer says, for a failure message: its status and body once it came. */
  private static String sofar(CompletableFuture<HttpResponse<String>> answer) {
    if (!answer.isDone()) {
      return "none yet";
    }
    try {
      HttpResponse<String> response = answer.join();
      return response.statusCode() + " " + response.body();
    } catch (RuntimeException e) {
      return e.toString();
    }
  }

  @Test
  void aStoredAckThatTimesOutSaysHowManyAreNotConfirmed() throws Exception {
    CountDownLatch storeOpen = new CountDownLatch(1);
    try (TestNode node =
        new TestNode(
            "ben.node.pass-through-pipelines = [st]\n"
                + "ben.flow { store-batch-size = 10, store-batch-interval = 20ms }\n"
                + "ben.ingest { ack = stored, ack-timeout = 300ms }",
            batch -> storeOpen.await())) {
      HttpResponse<String> response =
          node.post("/api/v1/events?pipeline=st", "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n");
      storeOpen.countDown();
      assertEquals(200, response.statusCode(), response.body());
      JsonNode body = JSON.readTree(response.body());
      assertEquals(3, body.get("accepted").asLong());
      assertEquals(3, body.get("unconfirmed").asLong(), response.body());
    }
  }
}
