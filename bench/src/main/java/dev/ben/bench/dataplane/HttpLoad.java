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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on a running node's HTTP sidecar: NDJSON ingest from several clients as fast as the node
 * takes it, and the invocation API at a fixed request rate, open loop (each request's latency
 * counts from when it was due, so a slow answer cannot hide the requests queued behind it).
 */
public final class HttpLoad {

  /** Ingest throughput: events the node accepted per second. */
  public record Ingest(long accepted, long refused, double seconds, int clients) {
    public double eventsPerSecond() {
      return accepted / seconds;
    }
  }

  /** Invocation latencies at a fixed rate. */
  public record Invoke(
      int perSecond,
      long sent,
      long failed,
      double seconds,
      LatencyHistogram latency,
      Map<String, Long> failures) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String authorization;

  /** Load on the node at {@code base}, sent as the app whose key this is. */
  public HttpLoad(String base, String key) {
    this.base = base;
    this.authorization = "Bearer " + key;
  }

  public Ingest ingest(Duration duration, int clients, int linesPerRequest) throws Exception {
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    long started = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      AuthTraffic traffic = new AuthTraffic(100 + c, 50_000);
      Thread thread =
          new Thread(
              () -> postUntil(end, traffic, linesPerRequest, accepted, refused), "ingest-" + c);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Ingest(accepted.get(), refused.get(), (System.nanoTime() - started) / 1e9, clients);
  }

  private void postUntil(
      long end, AuthTraffic traffic, int lines, AtomicLong accepted, AtomicLong refused) {
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
        JsonNode answer = JSON.readTree(response.body());
        accepted.addAndGet(answer.path("accepted").asLong());
        refused.addAndGet(answer.path("refused").asLong());
      } catch (Exception e) {
        refused.addAndGet(lines);
      }
    }
  }

  public Invoke invoke(int perSecond, Duration duration) throws Exception {
    URI uri = URI.create(base + "/api/v1/invoke/auth");
    AuthTraffic traffic = new AuthTraffic(7, 50_000, AuthTraffic.stepAt(perSecond));
    LatencyHistogram latency = new LatencyHistogram();
    AtomicLong failed = new AtomicLong();
    Map<String, Long> failures = new ConcurrentHashMap<>();
    long total = perSecond * duration.toSeconds();
    long interval = 1_000_000_000L / perSecond;
    long started = System.nanoTime();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (long i = 0; i < total; i++) {
      long due = started + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      pending.add(
          http.sendAsync(
                  HttpRequest.newBuilder(uri)
                      .header("Authorization", authorization)
                      .header("Content-Type", "application/json")
                      .timeout(Duration.ofSeconds(10))
                      .POST(HttpRequest.BodyPublishers.ofString(traffic.line()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .handle(
                  (response, error) -> {
                    latency.recordNanos(System.nanoTime() - due);
                    if (error != null || response.statusCode() != 200) {
                      failed.incrementAndGet();
                      String why =
                          error != null ? rootCause(error) : "HTTP " + response.statusCode();
                      failures.merge(why, 1L, Long::sum);
                    }
                    return null;
                  }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    return new Invoke(
        perSecond,
        total,
        failed.get(),
        (System.nanoTime() - started) / 1e9,
        latency,
        Map.copyOf(failures));
  }

  private static String rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }
}
