package dev.ben.streams.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.wal.IngestWal;
import dev.ben.streams.wal.PipelineWal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.MergeHub;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast NDJSON request bodies go through {@link NdjsonIngest} with a real, synced {@link
 * IngestWal} into an ingress hub that only settles what it takes (so the log trims as a pipeline
 * would): the ingest path on its own, without the pipeline behind it. A measurement, not a gate:
 * run with {@code -Dben.measure=true}; it prints events/s. {@code -Dben.measure.jfr=FILE} also
 * records a JFR profile of the measured part; {@code -Dben.measure.seconds} and {@code
 * -Dben.measure.requests} (concurrent requests) change the run.
 */
@EnabledIfSystemProperty(named = "ben.measure", matches = "true")
class IngestPathMeasure {

  private static final int LINES_PER_REQUEST = 1_000;
  private static final int CHUNK_BYTES = 16 * 1024;
  private static final int BODIES = 64;

  @TempDir Path dir;

  @Test
  void ingestsLoginEventsThroughTheSyncedLog() throws Exception {
    int requests = Integer.getInteger("ben.measure.requests", 8);
    int seconds = Integer.getInteger("ben.measure.seconds", 10);
    String jfr = System.getProperty("ben.measure.jfr", "");
    ActorSystem system = ActorSystem.create("ingest-path-measure");
    MetricsRegistry registry = new MetricsRegistry();
    IngestWal.Options options =
        new IngestWal.Options(
            Long.getLong("ben.measure.wal-bytes", 512L << 20),
            true,
            Duration.ofMillis(200),
            4096,
            false,
            Duration.ofSeconds(5));
    try (IngestWal wal = IngestWal.open(dir, options, new ObjectMapper(), registry)) {
      PipelineWal log = wal.pipeline("auth");
      Materializer mat = Materializer.matFromSystem(system);
      Sink<List<Envelope>, NotUsed> ingress =
          MergeHub.of(batches(), 16)
              .to(
                  Boolean.parseBoolean(System.getProperty("ben.measure.settle", "true"))
                      ? Sink.<List<Envelope>>foreach(batch -> batch.forEach(log::settled))
                      : Sink.ignore())
              .run(mat);
      NdjsonIngest ingest =
          new NdjsonIngest(
              new ObjectMapper(),
              64 * 1024,
              Duration.ofSeconds(5),
              new StageCounters(registry, "auth", "sidecar"),
              log);
      List<List<ByteString>> bodies = bodies();

      // A warm-up as long as the run: on a busy machine the compiler is slow to finish.
      run(ingest, ingress, mat, bodies, requests, Duration.ofSeconds(seconds));
      Recording recording = jfr.isEmpty() ? null : profile();
      var threadsBefore = ThreadCpu.byGroup();
      long cpuBefore = processCpuNanos();
      long started = System.nanoTime();
      long accepted = run(ingest, ingress, mat, bodies, requests, Duration.ofSeconds(seconds));
      double elapsed = (System.nanoTime() - started) / 1e9;
      double cpuMicrosPerEvent = (processCpuNanos() - cpuBefore) / 1e3 / accepted;
      if (recording != null) {
        recording.dump(Path.of(jfr));
        recording.close();
      }
      System.out.printf(
          "ingest path: %d events in %.2f s over %d concurrent requests = %.0f events/s,"
              + " %.2f us of CPU per event (all threads; %.0f events/s per busy core)%n",
          accepted,
          elapsed,
          requests,
          accepted / elapsed,
          cpuMicrosPerEvent,
          1e6 / cpuMicrosPerEvent);
      System.out.print(ThreadCpu.perEvent(threadsBefore, ThreadCpu.byGroup(), accepted));
      assertTrue(accepted > 0);
      assertEquals(0, accepted % LINES_PER_REQUEST, "every request was accepted whole");
    } finally {
      TestKit.shutdownActorSystem(system);
    }
  }

  /** CPU time of the whole process: less noisy than wall time on a machine shared with others. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Recording profile() throws Exception {
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
    return recording;
  }

  /** Events accepted while {@code requests} requests at a time are sent for {@code duration}. */
  private static long run(
      NdjsonIngest ingest,
      Sink<List<Envelope>, NotUsed> ingress,
      Materializer mat,
      List<List<ByteString>> bodies,
      int requests,
      Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong accepted = new AtomicLong();
    List<CompletableFuture<Void>> clients = new ArrayList<>();
    for (int c = 0; c < requests; c++) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      next(ingest, ingress, mat, bodies, c, end, accepted, done);
      clients.add(done);
    }
    CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
    return accepted.get();
  }

  /** One client: the next request once the previous one is answered, until the end. */
  private static void next(
      NdjsonIngest ingest,
      Sink<List<Envelope>, NotUsed> ingress,
      Materializer mat,
      List<List<ByteString>> bodies,
      int sent,
      long end,
      AtomicLong accepted,
      CompletableFuture<Void> done) {
    if (System.nanoTime() >= end) {
      done.complete(null);
      return;
    }
    CompletionStage<IngestReport> answer =
        ingest.ingestBatches(
            Source.from(bodies.get(sent % bodies.size())), "auth", "bench", ingress, mat);
    answer.whenComplete(
        (report, failure) -> {
          if (failure != null || report.accepted() != LINES_PER_REQUEST) {
            done.completeExceptionally(
                failure != null ? failure : new AssertionError("not all accepted: " + report));
            return;
          }
          accepted.addAndGet(report.accepted());
          next(ingest, ingress, mat, bodies, sent + 7, end, accepted, done);
        });
  }

  /** Request bodies of login events, each cut into chunks as a socket would deliver them. */
  private static List<List<ByteString>> bodies() {
    Random random = new Random(7);
    List<List<ByteString>> bodies = new ArrayList<>();
    long eventTime = 1_714_557_600_000L;
    for (int b = 0; b < BODIES; b++) {
      StringBuilder text = new StringBuilder(LINES_PER_REQUEST * 200);
      for (int i = 0; i < LINES_PER_REQUEST; i++) {
        text.append(loginEvent(random, eventTime++)).append('\n');
      }
      ByteString body = ByteString.fromString(text.toString(), StandardCharsets.UTF_8);
      List<ByteString> chunks = new ArrayList<>();
      for (int from = 0; from < body.length(); from += CHUNK_BYTES) {
        chunks.add(body.slice(from, Math.min(body.length(), from + CHUNK_BYTES)).compact());
      }
      bodies.add(chunks);
    }
    return bodies;
  }

  /** Shaped like the bench's examples/auth traffic: mostly quiet users, some brute force. */
  private static String loginEvent(Random random, long millis) {
    boolean attack = random.nextInt(100) == 0;
    String user = attack ? "mallory-" + random.nextInt(8) : "user-" + random.nextInt(50_000);
    int attempts = attack ? 6 + random.nextInt(20) : random.nextInt(3);
    String ip =
        attack
            ? "203.0.113." + (66 + random.nextInt(4))
            : (random.nextInt(20) == 0 ? "10.0.0." : "198.51.100.") + (1 + random.nextInt(250));
    String[] countries = {"NL", "DE", "FR", "US", "BR", "JP", "IR"};
    return "{\"ts\":\""
        + java.time.Instant.ofEpochMilli(millis)
        + "\",\"tenant\":\"acme\",\"user\":\""
        + user
        + "\",\"ip\":\""
        + ip
        + "\",\"country\":\""
        + countries[random.nextInt(countries.length)]
        + "\",\"attempts\":"
        + attempts
        + ",\"email\":\""
        + user
        + "@example.com\"}";
  }

  @SuppressWarnings("unchecked")
  private static Class<List<Envelope>> batches() {
    return (Class<List<Envelope>>) (Class<?>) List.class;
  }
}
