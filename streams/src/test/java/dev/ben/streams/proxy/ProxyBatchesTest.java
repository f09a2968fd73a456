package dev.ben.streams.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.contracts.model.OverloadPolicy;
import dev.ben.contracts.model.ProxySettings;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.testkit.TestPublisher;
import org.apache.pekko.stream.testkit.TestSubscriber;
import org.apache.pekko.stream.testkit.javadsl.TestSink;
import org.apache.pekko.stream.testkit.javadsl.TestSource;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The proxy taking batches: its bound, watermarks and policy still count single events. */
class ProxyBatchesTest {

  private static ActorSystem system;
  private final StageCounters counters =
      new StageCounters(new MetricsRegistry(), "auth", "proxy-batches");

  @BeforeAll
  static void start() {
    system = ActorSystem.create("proxy-batches");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  private static List<Envelope> batch(int from, int size) {
    return IntStream.range(from, from + size)
        .mapToObj(
            i ->
                new Envelope(
                    "e" + i, "auth", "app", 0, JsonNodeFactory.instance.objectNode().put("i", i)))
        .toList();
  }

  private static List<String> ids(List<List<Envelope>> batches) {
    List<String> ids = new ArrayList<>();
    batches.forEach(batch -> batch.forEach(event -> ids.add(event.eventId())));
    return ids;
  }

  private Pair<TestPublisher.Probe<List<Envelope>>, TestSubscriber.Probe<List<Envelope>>> proxy(
      ProxySettings settings, Settlement settlement) {
    return TestSource.<List<Envelope>>probe(system)
        .via(ProxyStage.batches(settings, counters, settlement))
        .toMat(TestSink.probe(system), Keep.both())
        .run(system);
  }

  @Test
  void shedOldestShedsSingleEventsOfABatchLargerThanTheBuffer() {
    ConcurrentLinkedQueue<String> settled = new ConcurrentLinkedQueue<>();
    var probes =
        proxy(
            new ProxySettings(4, 0.75, 0.25, OverloadPolicy.SHED_OLDEST, 2),
            event -> settled.add(event.eventId()));
    probes.first().sendNext(batch(0, 10));
    probes.first().sendComplete();
    TestSubscriber.Probe<List<Envelope>> spine = probes.second().request(10);
    List<List<Envelope>> out = List.of(spine.expectNext(), spine.expectNext());
    spine.expectComplete();
    assertEquals(List.of("e6", "e7", "e8", "e9"), ids(out));
    assertTrue(out.stream().allMatch(batch -> batch.size() <= 2), "at most coalesce a batch");
    assertEquals(6, counters.value(Outcome.SHED, "shed_oldest"));
    assertEquals(List.of("e0", "e1", "e2", "e3", "e4", "e5"), List.copyOf(settled));
  }

  @Test
  void sampleCountsEveryOtherEventOfABatchWhileOverloaded() {
    var probes = proxy(new ProxySettings(8, 0.5, 0.25, OverloadPolicy.SAMPLE, 8), Settlement.NONE);
    probes.first().sendNext(batch(0, 10));
    probes.first().sendComplete();
    TestSubscriber.Probe<List<Envelope>> spine = probes.second().request(10);
    List<String> kept = ids(List.of(spine.expectNext()));
    spine.expectComplete();
    // Four fill it to the high watermark; of the six after, every other one is shed.
    assertEquals(List.of("e0", "e1", "e2", "e3", "e4", "e6", "e8"), kept);
    assertEquals(3, counters.value(Outcome.SHED, "sample"));
  }

  @Test
  void backpressureHoldsWhatDoesNotFitAndNeverBuffersBeyondItsBound() {
    var probes =
        proxy(new ProxySettings(4, 0.75, 0.25, OverloadPolicy.BACKPRESSURE, 3), Settlement.NONE);
    TestPublisher.Probe<List<Envelope>> producer = probes.first();
    producer.sendNext(batch(0, 10));
    // Four of the ten are buffered; the rest wait, so nothing more is asked from upstream.
    producer.expectNoMessage(Duration.ofMillis(200));
    TestSubscriber.Probe<List<Envelope>> spine = probes.second();
    List<List<Envelope>> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      out.add(spine.requestNext());
    }
    producer.sendNext(batch(10, 2));
    producer.sendComplete();
    spine.request(10);
    out.add(spine.expectNext());
    spine.expectComplete();
    assertEquals(IntStream.range(0, 12).mapToObj(i -> "e" + i).toList(), ids(out));
    assertTrue(out.stream().allMatch(batch -> batch.size() <= 3), "at most coalesce a batch");
    assertEquals(0, counters.total(Outcome.SHED));
  }

  @Test
  void aBatchArrivingWhileNothingWaitsGoesOnAsItCame() {
    var probes =
        proxy(new ProxySettings(100, 0.8, 0.5, OverloadPolicy.SHED_NEWEST, 64), Settlement.NONE);
    TestSubscriber.Probe<List<Envelope>> spine = probes.second().request(1);
    List<Envelope> sent = batch(0, 64);
    probes.first().sendNext(sent);
    assertTrue(spine.expectNext() == sent, "the same batch, not a copy");
  }

  @Test
  void backpressureOverManyBatchesLosesNothingAndKeepsOrder() throws Exception {
    List<List<Envelope>> out =
        Source.range(0, 99)
            .map(i -> batch(i * 7, 7))
            .via(
                ProxyStage.batches(
                    new ProxySettings(16, 0.75, 0.25, OverloadPolicy.BACKPRESSURE, 5),
                    counters,
                    Settlement.NONE))
            .runWith(Sink.seq(), system)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertEquals(IntStream.range(0, 700).mapToObj(i -> "e" + i).toList(), ids(out));
    assertEquals(0, counters.total(Outcome.SHED));
  }
}
