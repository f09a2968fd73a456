package dev.ben.streams.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's one graph: every stage counted exactly where events change hands, an ingress that
 * any number of producers materialise, the kill switch that stops it, and a failure named after the
 * stage it came from.
 */
class PipelineGraphTest {

  private static ActorSystem system;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("pipeline-graph");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  private static List<Envelope> events(String producer, int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new Envelope(
                    producer + i, "p", "app", 0, JsonNodeFactory.instance.objectNode().put("i", i)))
        .toList();
  }

  /** A spine that refuses (drops and counts) every event whose number is a multiple of 3. */
  private static Flow<Envelope, Envelope, NotUsed> refusingEveryThird(StageCounters spine) {
    return Flow.<Envelope>create()
        .filter(
            e -> {
              boolean keep = e.body().get("i").asInt() % 3 != 0;
              if (!keep) {
                spine.count(Outcome.REFUSED, "third");
              }
              return keep;
            });
  }

  private static PipelineGraph.Logic logic(
      Map<StageKind, StageCounters> counters,
      int coalesce,
      Flow<Envelope, Envelope, NotUsed> spine,
      Sink<Envelope, NotUsed> store,
      PipelineGraph.Boundaries boundaries) {
    return new PipelineGraph.Logic(
        8,
        Flow.create(),
        coalesce,
        eachEvent(spine),
        Flow.create(),
        event -> {},
        Flow.<List<Envelope>>create().mapConcat(batch -> batch).to(store),
        boundaries);
  }

  /** A per-event flow over the graph's batches: each batch's events that go on, as one batch. */
  private static Flow<List<Envelope>, List<Envelope>, NotUsed> eachEvent(
      Flow<Envelope, Envelope, NotUsed> flow) {
    return Flow.<List<Envelope>>create()
        .flatMapConcat(batch -> Source.from(batch).via(flow).grouped(Integer.MAX_VALUE))
        .filter(batch -> !batch.isEmpty());
  }

  private static final List<PipelineGraph.Boundaries> EVERY_BOUNDARY =
      List.of(
          PipelineGraph.Boundaries.NONE,
          new PipelineGraph.Boundaries(true, false),
          new PipelineGraph.Boundaries(true, true));

  @Test
  void everyStageCountsWhatItTookAndPassedOnFromEveryProducerInOrder() throws Exception {
    for (PipelineGraph.Boundaries boundaries : EVERY_BOUNDARY) {
      for (int coalesce : new int[] {1, 16}) {
        countsAndOrder(boundaries, coalesce);
      }
    }
  }

  private void countsAndOrder(PipelineGraph.Boundaries boundaries, int coalesce) throws Exception {
    Map<StageKind, StageCounters> counters =
        PipelineGraph.counters(new MetricsRegistry(), "p" + coalesce + boundaries);
    CountDownLatch stored = new CountDownLatch(400);
    Map<String, List<Integer>> storedByProducer = new ConcurrentHashMap<>();
    PipelineGraph.Running graph =
        PipelineGraph.run(
            logic(
                counters,
                coalesce,
                refusingEveryThird(counters.get(StageKind.SPINE)),
                Sink.<Envelope>foreach(
                        e -> {
                          storedByProducer
                              .computeIfAbsent(
                                  e.eventId().substring(0, 1), k -> new CopyOnWriteArrayList<>())
                              .add(e.body().get("i").asInt());
                          stored.countDown();
                        })
                    .mapMaterializedValue(done -> NotUsed.getInstance()),
                boundaries),
            counters,
            Materializer.matFromSystem(system));
    CompletableFuture.allOf(
            Source.from(events("a", 300))
                .watchTermination((mat, done) -> done.toCompletableFuture())
                .to(graph.ingress())
                .run(system),
            Source.from(events("b", 300))
                .watchTermination((mat, done) -> done.toCompletableFuture())
                .to(graph.ingress())
                .run(system))
        .get(10, TimeUnit.SECONDS);
    assertTrue(stored.await(10, TimeUnit.SECONDS), "the kept events reached the store");
    graph.killSwitch().shutdown();
    assertEquals(
        Done.getInstance(), graph.termination().toCompletableFuture().get(10, TimeUnit.SECONDS));

    assertEquals(600, counters.get(StageKind.SIDECAR).total(Outcome.FORWARDED));
    assertEquals(600, counters.get(StageKind.PROXY).total(Outcome.ACCEPTED));
    assertEquals(600, counters.get(StageKind.PROXY).total(Outcome.FORWARDED));
    assertEquals(600, counters.get(StageKind.SPINE).total(Outcome.ACCEPTED));
    assertEquals(200, counters.get(StageKind.SPINE).total(Outcome.REFUSED));
    assertEquals(400, counters.get(StageKind.SPINE).total(Outcome.FORWARDED));
    assertEquals(400, counters.get(StageKind.DETECTOR).total(Outcome.ACCEPTED));
    assertEquals(400, counters.get(StageKind.DETECTOR).total(Outcome.FORWARDED));
    assertEquals(400, counters.get(StageKind.STORE).total(Outcome.ACCEPTED));
    List<Integer> kept = IntStream.range(0, 300).filter(i -> i % 3 != 0).boxed().toList();
    assertEquals(kept, storedByProducer.get("a"), "a's events stored in order, " + boundaries);
    assertEquals(kept, storedByProducer.get("b"), "b's events stored in order, " + boundaries);
  }

  @Test
  void aFailingStageFailsTheGraphUnderItsName() throws Exception {
    for (PipelineGraph.Boundaries boundaries : EVERY_BOUNDARY) {
      aFailingSpineIsNamedTheSpine(boundaries);
      aFailingStoreIsNamedTheStore(boundaries);
    }
  }

  private void aFailingSpineIsNamedTheSpine(PipelineGraph.Boundaries boundaries) throws Exception {
    Map<StageKind, StageCounters> counters =
        PipelineGraph.counters(new MetricsRegistry(), "f" + boundaries);
    IllegalStateException boom = new IllegalStateException("boom");
    PipelineGraph.Running graph =
        PipelineGraph.run(
            logic(
                counters,
                4,
                Flow.<Envelope>create()
                    .map(
                        e -> {
                          throw boom;
                        }),
                Sink.<Envelope>ignore().mapMaterializedValue(done -> NotUsed.getInstance()),
                boundaries),
            counters,
            Materializer.matFromSystem(system));
    Source.from(events("a", 3)).runWith(graph.ingress(), system);
    StageFailedException failed = failure(graph);
    assertEquals(StageKind.SPINE, failed.stage());
    assertSame(boom, failed.getCause());
    assertEquals("the spine stage failed: boom", failed.getMessage());
  }

  private void aFailingStoreIsNamedTheStore(PipelineGraph.Boundaries boundaries) throws Exception {
    Map<StageKind, StageCounters> counters =
        PipelineGraph.counters(new MetricsRegistry(), "s" + boundaries);
    PipelineGraph.Running graph =
        PipelineGraph.run(
            logic(
                counters,
                1,
                Flow.create(),
                Flow.<Envelope>create()
                    .map(
                        e -> {
                          throw new IllegalStateException("disk gone");
                        })
                    .to(Sink.ignore()),
                boundaries),
            counters,
            Materializer.matFromSystem(system));
    Source.from(events("a", 3)).runWith(graph.ingress(), system);
    StageFailedException failed = failure(graph);
    assertEquals(StageKind.STORE, failed.stage());
    assertEquals("the store stage failed: disk gone", failed.getMessage());
  }

  private static StageFailedException failure(PipelineGraph.Running graph) {
    ExecutionException thrown =
        assertThrows(
            ExecutionException.class,
            () -> graph.termination().toCompletableFuture().get(10, TimeUnit.SECONDS));
    return assertInstanceOf(StageFailedException.class, thrown.getCause());
  }
}
