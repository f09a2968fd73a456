package dev.ben.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A store that takes nothing until the test opens it, and producers that post as fast as they can:
 * the pipeline must hold only a bounded number of events, push back on the producers with 503s that
 * say where to resume, and, once the store recovers, store exactly what it accepted.
 */
@CapturedLogs
class BackpressureTest {

  private static final int PRODUCERS = 6;
  private static final int LINES_PER_REQUEST = 500;
  private static final int MAX_REQUESTS_PER_PRODUCER = 60;

  /**
   * Far below what the producers offer (up to 180,000 events): if buffering were unbounded this
   * would break.
   */
  private static final long IN_FLIGHT_BOUND = 2_000;

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void aStalledStoreBoundsWhatIsInFlightAndPushesBackOnProducers() throws Exception {
    CountDownLatch storeOpen = new CountDownLatch(1);
    AtomicLong stored = new AtomicLong();
    try (TestNode node =
        new TestNode(
            """
        ben.node.pass-through-pipelines = [bp]
        ben.flow { stage-buffer = 8, store-batch-size = 10, store-batch-interval = 20ms }
        ben.ingest.offer-timeout = 300ms
        """,
            batch -> {
              storeOpen.await();
              stored.addAndGet(batch.size());
            })) {
      StageCounters sidecar = new StageCounters(node.metrics, "bp", "sidecar");
      AtomicLong acceptedByClients = new AtomicLong();
      AtomicInteger overloadedResponses = new AtomicInteger();
      AtomicLong maxInFlight = new AtomicLong();
      List<CompletableFuture<Void>> producers = new ArrayList<>();
      for (int p = 0; p < PRODUCERS; p++) {
        int producer = p;
        producers.add(
            CompletableFuture.runAsync(
                () ->
                    produce(
                        node,
                        producer,
                        acceptedByClients,
                        overloadedResponses,
                        () ->
                            maxInFlight.accumulateAndGet(
                                sidecar.total(Outcome.ACCEPTED), Math::max))));
      }
      CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new)).get();

      assertTrue(
          overloadedResponses.get() >= PRODUCERS, "every producer was pushed back with a 503");
      assertEquals(0, stored.get(), "nothing was stored while the store was stalled");
      assertTrue(
          maxInFlight.get() <= IN_FLIGHT_BOUND,
          "events held in the pipeline stayed bounded: " + maxInFlight.get());
      assertEquals(
          acceptedByClients.get(), sidecar.total(Outcome.ACCEPTED), "clients were told the truth");

      storeOpen.countDown();
      StageCounters store = new StageCounters(node.metrics, "bp", "store");
      Await.until(
          () -> store.total(Outcome.STORED) == acceptedByClients.get(),
          "every accepted event stored",
          Duration.ofSeconds(60));
      assertEquals(acceptedByClients.get(), stored.get());
    }
  }

  private void produce(
      TestNode node, int producer, AtomicLong accepted, AtomicInteger overloaded, Runnable sample) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < LINES_PER_REQUEST; i++) {
      body.append("{\"producer\":").append(producer).append(",\"i\":").append(i).append("}\n");
    }
    try {
      for (int r = 0; r < MAX_REQUESTS_PER_PRODUCER; r++) {
        HttpResponse<String> response = node.post("/api/v1/events?pipeline=bp", body.toString());
        JsonNode json = mapper.readTree(response.body());
        accepted.addAndGet(json.get("accepted").asLong());
        sample.run();
        if (response.statusCode() == 503) {
          assertTrue(json.get("error").asText().contains("saturated"), response.body());
          assertEquals(json.get("accepted").asLong() + 1, json.get("resume_from_line").asLong());
          assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
          overloaded.incrementAndGet();
          return;
        }
        assertEquals(200, response.statusCode(), response.body());
      }
    } catch (Exception e) {
      throw new AssertionError("producer " + producer + " failed", e);
    }
  }
}
