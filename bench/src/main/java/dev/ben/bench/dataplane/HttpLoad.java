package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * NDJSON ingest into a running node's HTTP sidecar from several clients, as fast as the node takes
 * it (invocations are {@link InvokeLoad}'s).
 */
public final class HttpLoad {

  /**
   * Ingest throughput: events the node accepted per second; {@code saturated} counts the answers
   * (503) saying the pipeline took no more of a request's lines.
   */
  public record Ingest(long accepted, long refused, long saturated, double seconds, int clients) {
    public double eventsPerSecond() {
      return accepted / seconds;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String authorization;

  /** Each client's traffic, kept across runs so a measured run goes on from its warm-up's time. */
  private final List<AuthTraffic> traffic = new ArrayList<>();

  /** Load on the node at {@code base}, sent as the app whose key this is. */
  public HttpLoad(String base, String key) {
    this.base = base;
    this.authorization = "Bearer " + key;
  }

  public Ingest ingest(Duration duration, int clients, int linesPerRequest) throws Exception {
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong saturated = new AtomicLong();
    while (traffic.size() < clients) {
      traffic.add(new AuthTraffic(100 + traffic.size(), 50_000));
    }
    Counts counts = new Counts(accepted, refused, saturated);
    long end = System.nanoTime() + duration.toNanos();
    long started = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      AuthTraffic lines = traffic.get(c);
      Thread thread =
          new Thread(() -> postUntil(end, lines, linesPerRequest, counts), "ingest-" + c);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Ingest(
        accepted.get(),
        refused.get(),
        saturated.get(),
        (System.nanoTime() - started) / 1e9,
        clients);
  }

  private record Counts(AtomicLong accepted, AtomicLong refused, AtomicLong saturated) {}

  private void postUntil(long end, AuthTraffic traffic, int lines, Counts counts) {
    URI uri = URI.create(base + "/api/v1/events?pipeline=auth");
    while (System.nanoTime() < end) {
      StringBuilder body = new StringBuilder(lines * 200);
      for (int i = 0; i < lines; i++) {
        body.append(traffic.line()).append('\n');
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503) {
          counts.saturated().incrementAndGet();
        }
        JsonNode answer = JSON.readTree(response.body());
        counts.accepted().addAndGet(answer.path("accepted").asLong());
        counts.refused().addAndGet(answer.path("refused").asLong());
      } catch (Exception e) {
        counts.refused().addAndGet(lines);
      }
    }
  }
}
