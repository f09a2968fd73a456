package dev.ben.streams.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.wal.IngestLog;
import dev.ben.streams.wal.IngestWal;
import dev.ben.streams.wal.PipelineWal;
import dev.ben.streams.wal.WalRefusedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An NDJSON request through the ingest log: only what the log holds is accepted. */
class DurableIngestTest {

  private static ActorSystem system;
  private static Materializer mat;

  @TempDir Path dir;
  private final MetricsRegistry registry = new MetricsRegistry();
  private final StageCounters counters = new StageCounters(registry, "auth", "sidecar");
  private final ConcurrentLinkedQueue<Envelope> received = new ConcurrentLinkedQueue<>();
  private final Sink<Envelope, NotUsed> ingress =
      Sink.<Envelope>foreach(received::add).mapMaterializedValue(f -> NotUsed.getInstance());

  @BeforeAll
  static void start() {
    system = ActorSystem.create("durable-ingest-test");
    mat = Materializer.matFromSystem(system);
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  /** {@code lines} lines {"n":1} to {"n":lines}. */
  private static String numbered(int lines) {
    StringBuilder body = new StringBuilder();
    for (int n = 1; n <= lines; n++) {
      body.append("{\"n\":").append(n).append("}\n");
    }
    return body.toString();
  }

  private IngestReport ingest(IngestLog log, int lines) {
    StringBuilder body = new StringBuilder(numbered(lines));
    body.append("not json\n");
    return new NdjsonIngest(new ObjectMapper(), 256, Duration.ofSeconds(5), counters, log)
        .ingestBatches(
            Source.single(ByteString.fromString(body.toString())),
            "auth",
            "app",
            EachEvent.into(ingress),
            mat)
        .toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
  }

  private IngestWal wal(long maxBytes, boolean awaitOutcomes) {
    return IngestWal.open(
        dir,
        new IngestWal.Options(
            maxBytes, true, Duration.ofMillis(20), 64, awaitOutcomes, Duration.ofMillis(300)),
        new ObjectMapper(),
        registry);
  }

  @Test
  void whatIsAcceptedIsExactlyWhatTheLogHolds() {
    try (IngestWal wal = wal(1 << 20, false)) {
      PipelineWal log = wal.pipeline("auth");
      IngestReport report = ingest(log, 2_500);

      assertEquals(2_500, report.accepted());
      assertEquals(1, report.refused());
      assertEquals(0, report.unconfirmed(), "a durable ack waits for no outcome");
      assertEquals(2_500, log.entries(), "every accepted event is in the log");
      assertEquals(2_500, counters.total(Outcome.ACCEPTED));
      assertEquals(2_500, received.size());
      assertTrue(received.stream().allMatch(Envelope::isLogged), "each carries its position");
      assertEquals(2_500, received.stream().mapToLong(Envelope::walSequence).distinct().count());
    }
  }

  @Test
  void aFullLogRefusesTheRestAndTheAnswerSaysWhereToResend() {
    try (IngestWal wal = wal(4_000, false)) {
      PipelineWal log = wal.pipeline("auth");
      IngestReport report = ingest(log, 500);

      assertTrue(report.overloaded(), "answered like a full pipeline: resend later");
      assertTrue(report.accepted() > 0 && report.accepted() < 500, "accepted " + report.accepted());
      assertEquals(report.accepted(), log.entries(), "accepted only what the log holds");
      assertEquals(report.accepted(), counters.total(Outcome.ACCEPTED));
      assertEquals(report.accepted(), received.size());
      assertEquals(report.accepted() + 1, report.resumeFromLine());
      assertTrue(counters.value(Outcome.REFUSED, WalRefusedException.FULL) > 0);
    }
  }

  @Test
  void eventsLoggedButNeverTakenByAFullPipelineAreForgotten() {
    try (IngestWal wal = wal(1 << 20, false)) {
      PipelineWal log = wal.pipeline("auth");
      CompletableFuture<Void> never = new CompletableFuture<>();
      Sink<Envelope, NotUsed> stalled =
          org.apache.pekko.stream.javadsl.Flow.<Envelope>create()
              .mapAsync(1, e -> never.thenApply(v -> e))
              .to(Sink.ignore());
      IngestReport report =
          new NdjsonIngest(new ObjectMapper(), 256, Duration.ofMillis(300), counters, log)
              .ingestBatches(
                  Source.single(ByteString.fromString(numbered(20))),
                  "auth",
                  "app",
                  EachEvent.into(stalled),
                  mat)
              .toCompletableFuture()
              .orTimeout(10, TimeUnit.SECONDS)
              .join();
      never.complete(null);

      assertTrue(report.overloaded());
      assertTrue(report.accepted() < 20, "accepted " + report.accepted());
      assertEquals(
          report.accepted(), log.entries(), "what the client resends is not replayed as well");
    }
  }

  @Test
  void aLogThatCannotWriteLetsNothingBeAccepted() {
    IngestLog failing =
        new IngestLog() {
          @Override
          public CompletionStage<List<Envelope>> append(List<Envelope> events) {
            return CompletableFuture.failedFuture(
                new WalRefusedException(
                    WalRefusedException.WRITE_FAILED, events.size(), new Exception("disk")));
          }

          @Override
          public CompletionStage<Long> confirmed(long[] sequences) {
            return CompletableFuture.completedFuture((long) sequences.length);
          }

          @Override
          public void forget(List<Envelope> events) {}
        };
    IngestReport report = ingest(failing, 20);

    assertEquals(0, report.accepted());
    assertEquals(1, report.resumeFromLine(), "resend everything");
    assertEquals(0, counters.total(Outcome.ACCEPTED));
    assertTrue(received.isEmpty(), "nothing unlogged entered the pipeline");
    assertTrue(counters.value(Outcome.REFUSED, WalRefusedException.WRITE_FAILED) > 0);
  }

  @Test
  void storedAcksWaitForTheOutcomesAndSayHowManyAreNotConfirmed() {
    try (IngestWal wal = wal(1 << 20, true)) {
      PipelineWal log = wal.pipeline("auth");
      AtomicInteger settledBeforeAnswer = new AtomicInteger();
      // A "store" that settles only the even events, as they arrive.
      Sink<Envelope, NotUsed> halfStored =
          Sink.<Envelope>foreach(
                  event -> {
                    if (event.walSequence() % 2 == 0) {
                      log.settled(event);
                      settledBeforeAnswer.incrementAndGet();
                    }
                  })
              .mapMaterializedValue(f -> NotUsed.getInstance());
      IngestReport report =
          new NdjsonIngest(new ObjectMapper(), 256, Duration.ofSeconds(5), counters, log)
              .ingestBatches(
                  Source.single(ByteString.fromString("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n")),
                  "auth",
                  "app",
                  EachEvent.into(halfStored),
                  mat)
              .toCompletableFuture()
              .orTimeout(10, TimeUnit.SECONDS)
              .join();

      assertEquals(3, report.accepted());
      assertEquals(2, settledBeforeAnswer.get());
      assertEquals(1, report.unconfirmed(), "the one never settled, after the ack timeout");
    }
  }
}
