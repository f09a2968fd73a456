package dev.ben.streams.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.MergeHub;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NdjsonIngestTest {

  private static ActorSystem system;
  private static Materializer mat;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("ndjson-ingest-test");
    mat = Materializer.matFromSystem(system);
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  private final MetricsRegistry registry = new MetricsRegistry();
  private final StageCounters counters = new StageCounters(registry, "auth", "sidecar");

  private NdjsonIngest ingest(Duration offerTimeout) {
    return new NdjsonIngest(new ObjectMapper(), 256, offerTimeout, counters);
  }

  /** {@code lines} lines {"n":1} to {"n":lines}, in one chunk. */
  private static String numbered(int lines) {
    StringBuilder body = new StringBuilder();
    for (int n = 1; n <= lines; n++) {
      body.append("{\"n\":").append(n).append("}\n");
    }
    return body.toString();
  }

  private static Source<ByteString, NotUsed> body(String... chunks) {
    return Source.from(List.of(chunks)).map(ByteString::fromString);
  }

  /** The chunks, then a read failure, as a connection reset fails a request entity. */
  private static Source<ByteString, NotUsed> failingAfter(
      Source<ByteString, NotUsed> chunks, String failure) {
    ByteString end = ByteString.fromString("end of what the client sent");
    return chunks
        .concat(Source.single(end))
        .map(
            chunk -> {
              if (chunk == end) {
                throw new IOException(failure);
              }
              return chunk;
            });
  }

  @Test
  void goodLinesGoThroughAndBadLinesAreRefusedWithReasons() throws Exception {
    ConcurrentLinkedQueue<Envelope> received = new ConcurrentLinkedQueue<>();
    Sink<Envelope, NotUsed> ingress =
        Sink.<Envelope>foreach(received::add).mapMaterializedValue(f -> NotUsed.getInstance());
    IngestReport report =
        ingest(Duration.ofSeconds(5))
            .ingestBatches(
                body("{\"user\":\"a\"}\n{oops\n", "\n[1]\n{\"user\":\"b\"}"),
                "auth",
                "web",
                EachEvent.into(ingress),
                mat)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertEquals(2, report.accepted());
    assertEquals(2, report.refused());
    assertFalse(report.overloaded());
    assertEquals(2, report.refusals().get(0).line());
    assertEquals("malformed_json", report.refusals().get(0).reason());
    assertEquals(4, report.refusals().get(1).line());
    assertEquals("not_an_object", report.refusals().get(1).reason());
    assertEquals(1, counters.value(Outcome.REFUSED, "malformed_json"));
    assertEquals(1, counters.value(Outcome.REFUSED, "not_an_object"));
    new TestKit(system).awaitCond(Duration.ofSeconds(5), () -> received.size() == 2);
  }

  @Test
  void aPipelineThatTakesNothingMakesTheRequestOverloadedAndNamesTheLineToResendFrom()
      throws Exception {
    // An ingress that takes one batch and then never signals demand again: the events after that
    // batch cannot enter.
    CompletableFuture<Void> never = new CompletableFuture<>();
    Sink<Envelope, NotUsed> stalled =
        Sink.<Envelope>ignore()
            .contramap((Envelope e) -> e)
            .mapMaterializedValue(f -> NotUsed.getInstance());
    Sink<Envelope, NotUsed> blocking =
        org.apache.pekko.stream.javadsl.Flow.<Envelope>create()
            .mapAsync(1, e -> never.thenApply(v -> e))
            .to(stalled);
    IngestReport report =
        ingest(Duration.ofMillis(300))
            .ingestBatches(body(numbered(20)), "auth", "web", EachEvent.into(blocking), mat)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertTrue(report.overloaded());
    assertTrue(report.accepted() >= 1 && report.accepted() < 20, "accepted " + report.accepted());
    assertEquals(report.accepted() + 1, report.resumeFromLine());
    never.complete(null);
  }

  @Test
  void aBodyThatFailsPartWayHandsOverEveryAcceptedEventAndSaysWhereToResume() throws Exception {
    // The ingress as a stage has it: a merge hub in front of a consumer slow enough that events
    // are still in the hub when the body fails.
    ConcurrentLinkedQueue<Envelope> received = new ConcurrentLinkedQueue<>();
    Sink<Envelope, NotUsed> ingress =
        MergeHub.of(Envelope.class, 16)
            .throttle(200, Duration.ofSeconds(1))
            .to(Sink.foreach(received::add))
            .run(mat);
    List<String> chunks = new ArrayList<>();
    for (int n = 1; n <= 60; n++) {
      chunks.add(n % 10 == 0 ? "not json\n" : "{\"n\":" + n + "}\n");
    }
    chunks.add("{\"n\":61,\"cut\":");
    Source<ByteString, NotUsed> body =
        failingAfter(body(chunks.toArray(String[]::new)), "Connection reset by peer");
    IngestReport report =
        ingest(Duration.ofSeconds(5))
            .ingestBatches(body, "auth", "web", EachEvent.into(ingress), mat)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertTrue(report.cutShort());
    assertFalse(report.overloaded());
    assertEquals("Connection reset by peer", report.readFailure().getMessage());
    assertEquals(54, report.accepted());
    assertEquals(6, report.refused());
    assertEquals(report.accepted() + report.refused() + 1, report.resumeFromLine());
    assertEquals(report.accepted(), counters.value(Outcome.ACCEPTED, ""));
    assertEquals(report.refused(), counters.total(Outcome.REFUSED));
    new TestKit(system)
        .awaitCond(Duration.ofSeconds(5), () -> received.size() == report.accepted());
    assertEquals(
        java.util.stream.LongStream.rangeClosed(1, 60).filter(n -> n % 10 != 0).boxed().toList(),
        received.stream().map(e -> e.body().get("n").asLong()).toList(),
        "each accepted event, in order, and not the interrupted line");
  }

  @Test
  void aBodyThatFailsBeforeAnyLineEndsWithNothingAcceptedAndLineOneToResendFrom() throws Exception {
    ConcurrentLinkedQueue<Envelope> received = new ConcurrentLinkedQueue<>();
    IngestReport report =
        ingest(Duration.ofSeconds(5))
            .ingestBatches(
                failingAfter(body("{\"n\":"), "reset"),
                "auth",
                "web",
                EachEvent.into(
                    Sink.<Envelope>foreach(received::add)
                        .mapMaterializedValue(f -> NotUsed.getInstance())),
                mat)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertTrue(report.cutShort());
    assertEquals(0, report.accepted() + report.refused());
    assertEquals(1, report.resumeFromLine());
    assertTrue(received.isEmpty());
  }
}
