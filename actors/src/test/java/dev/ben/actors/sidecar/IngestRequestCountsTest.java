package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.metrics.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ben_ingest_requests_total} counts each request once, with the status it was answered: a
 * route's other alternatives (the 405 for a wrong method) are not counted when they do not answer.
 */
@CapturedLogs
class IngestRequestCountsTest {

  private static final String REQUESTS = "ben_ingest_requests_total";
  private static final String EVENTS = "/api/v1/events?pipeline=counted";
  private static TestNode node;

  @BeforeAll
  static void start() {
    node = new TestNode("ben.node.pass-through-pipelines = [counted]", batch -> {});
    // The pass-through pipeline registers for ingest once its graph runs, shortly after the node.
    Await.until(
        () -> status(node.request(EVENTS).POST(BodyPublishers.ofString("{\"warm\":1}\n"))) == 200,
        "the pipeline takes events",
        Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void oneGoodRequestIsCountedOnceAs200AndNeverAsA405() throws Exception {
    Map<Labels, Long> before = requests();
    long timed = node.metrics.value(IngestRequestCounts.DURATION, Labels.of("route", "events"));

    assertEquals(200, node.post(EVENTS, "{\"n\":1}\n").statusCode());

    assertEquals(
        timed + 1,
        node.metrics.value(IngestRequestCounts.DURATION, Labels.of("route", "events")),
        "the request's duration is observed once");

    Map<Labels, Long> changed = new HashMap<>();
    requests()
        .forEach(
            (labels, value) -> {
              long delta = value - before.getOrDefault(labels, 0L);
              if (delta != 0) {
                changed.put(labels, delta);
              }
            });
    assertEquals(Map.of(Labels.of("route", "events", "status", "200"), 1L), changed);
  }

  @Test
  void aWrongMethodIsCountedOnceAs405() throws Exception {
    Labels notAllowed = Labels.of("route", "events", "status", "405");
    long before = node.metrics.value(REQUESTS, notAllowed);

    assertEquals(405, status(node.request(EVENTS).PUT(BodyPublishers.ofString(""))));

    assertEquals(before + 1, node.metrics.value(REQUESTS, notAllowed));
  }

  private static int status(HttpRequest.Builder request) {
    try {
      return node.http().send(request.build(), BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<Labels, Long> requests() {
    return node.metrics.snapshot().getOrDefault(REQUESTS, Map.of());
  }

  @Test
  void anInvocationIsTimedByItsPipelineAndTransport() throws Exception {
    Labels http = Labels.of("pipeline", "counted", "transport", "http");
    long invocations = node.metrics.value("ben_invoke_seconds", http);
    long requests = node.metrics.value(IngestRequestCounts.DURATION, Labels.of("route", "invoke"));

    // A pass-through pipeline decides nothing: the answer is a refusal, timed all the same.
    node.post("/api/v1/invoke/counted", "{\"n\":1}");
    node.post("/api/v1/invoke/nobody-runs-this", "{\"n\":1}");

    assertEquals(invocations + 1, node.metrics.value("ben_invoke_seconds", http));
    assertEquals(
        requests + 2,
        node.metrics.value(IngestRequestCounts.DURATION, Labels.of("route", "invoke")));
    assertEquals(
        0,
        node.metrics.value(
            "ben_invoke_seconds", Labels.of("pipeline", "nobody-runs-this", "transport", "http")),
        "a pipeline nobody runs is no label");
  }
}
