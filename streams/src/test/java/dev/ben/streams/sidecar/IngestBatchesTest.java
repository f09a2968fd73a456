package dev.ben.streams.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.graph.PipelineGraph;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.wal.IngestWal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request body handed to an ingress of batches: its lines enter together, counted as events. */
class IngestBatchesTest {

  private static ActorSystem system;
  private static Materializer mat;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("ingest-batches-test");
    mat = Materializer.matFromSystem(system);
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  @TempDir Path dir;

  private final StageCounters counters =
      new StageCounters(new MetricsRegistry(), "auth", "sidecar");

  private NdjsonIngest ingest(Duration offerTimeout) {
    return new NdjsonIngest(new ObjectMapper(), 256, offerTimeout, counters);
  }

  private static Source<ByteString, NotUsed> lines(int count) {
    StringBuilder body = new StringBuilder();
    for (int n = 1; n <= count; n++) {
      body.append(n % 100 == 0 ? "not json" : "{\"n\":" + n + "}").append('\n');
    }
    return Source.single(ByteString.fromString(body.toString()));
  }

  @Test
  void aBodysLinesEnterAsFewBatchesInOrderEachEventCountedOnce() throws Exception {
    ConcurrentLinkedQueue<List<Envelope>> received = new ConcurrentLinkedQueue<>();
    IngestReport report =
        ingest(Duration.ofSeconds(5))
            .ingestBatches(
                lines(600),
                "auth",
                "web",
                Sink.<List<Envelope>>foreach(received::add)
                    .mapMaterializedValue(f -> NotUsed.getInstance()),
                mat)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertEquals(594, report.accepted());
    assertEquals(6, report.refused());
    assertEquals(594, counters.value(Outcome.ACCEPTED, ""));
    new TestKit(system)
        .awaitCond(
            Duration.ofSeconds(5),
            () -> received.stream().mapToInt(List::size).sum() == report.accepted());
    assertTrue(
        received.stream()
            .allMatch(batch -> !batch.isEmpty() && batch.size() <= PipelineGraph.LARGEST_BATCH));
    assertEquals(
        LongStream.rangeClosed(1, 600).filter(n -> n % 100 != 0).boxed().toList(),
        received.stream()
            .flatMap(List::stream)
            .map(event -> event.body().get("n").asLong())
            .toList());
  }

  @Test
  void whatTheLogHoldsTogetherEntersTogether() throws Exception {
    ConcurrentLinkedQueue<List<Envelope>> received = new ConcurrentLinkedQueue<>();
    try (IngestWal wal =
        IngestWal.open(
            dir,
            new IngestWal.Options(
                1 << 20, true, Duration.ofMillis(20), 64, false, Duration.ofMillis(300)),
            new ObjectMapper(),
            new MetricsRegistry())) {
      IngestReport report =
          new NdjsonIngest(
                  new ObjectMapper(), 256, Duration.ofSeconds(5), counters, wal.pipeline("auth"))
              .ingestBatches(
                  lines(600),
                  "auth",
                  "web",
                  Sink.<List<Envelope>>foreach(received::add)
                      .mapMaterializedValue(f -> NotUsed.getInstance()),
                  mat)
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      assertEquals(594, report.accepted());
      new TestKit(system)
          .awaitCond(
              Duration.ofSeconds(5),
              () -> received.stream().mapToInt(List::size).sum() == report.accepted());
      // The first line is logged alone; the rest arrive while it is written and are logged as one,
      // which enters as full batches but its last.
      assertTrue(
          received.size() <= 594 / PipelineGraph.LARGEST_BATCH + 3,
          received.size() + " batches for 594 events");
      assertTrue(received.stream().flatMap(List::stream).allMatch(Envelope::isLogged));
    }
  }

  @Test
  void aPipelineThatTakesNothingAcceptsNothingAndNamesTheFirstLine() throws Exception {
    CompletableFuture<Void> never = new CompletableFuture<>();
    // Takes its first batch and never finishes with it: only that batch was taken.
    Sink<List<Envelope>, NotUsed> stalled =
        Flow.<List<Envelope>>create()
            .mapAsync(1, batch -> never.thenApply(v -> batch))
            .to(Sink.ignore());
    IngestReport report =
        ingest(Duration.ofMillis(300))
            .ingestBatches(
                Source.single(ByteString.fromString("{\"n\":1}\n{\"n\":2}\n"))
                    .concat(
                        Source.single(ByteString.fromString("{\"n\":3}\n"))
                            .delay(
                                Duration.ofMillis(100),
                                org.apache.pekko.stream.DelayOverflowStrategy.backpressure())),
                "auth",
                "web",
                stalled,
                mat)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    never.complete(null);
    assertTrue(report.overloaded());
    assertEquals(report.accepted(), counters.value(Outcome.ACCEPTED, ""));
    assertEquals(report.accepted() + 1, report.resumeFromLine());
    assertTrue(report.accepted() < 3, "accepted " + report.accepted());
  }
}
