package dev.ben.streams.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.contracts.model.OverloadPolicy;
import dev.ben.contracts.model.ProxySettings;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.OneAtATime;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.util.List;
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

/** The proxy stage between a fast producer and a spine that takes nothing until asked. */
class ProxyStageTest {

  private static ActorSystem system;
  private final StageCounters counters = new StageCounters(new MetricsRegistry(), "auth", "proxy");

  @BeforeAll
  static void start() {
    system = ActorSystem.create("proxy");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  private static Envelope event(int i) {
    return new Envelope(
        "e" + i, "auth", "app", 0, JsonNodeFactory.instance.objectNode().put("i", i));
  }

  private static ProxySettings settings(OverloadPolicy policy) {
    return new ProxySettings(4, 0.75, 0.25, policy, 1);
  }

  /** Sends ten events while downstream asks for nothing, then lets it take what the proxy kept. */
  private List<String> overload(OverloadPolicy policy) {
    Pair<TestPublisher.Probe<Envelope>, TestSubscriber.Probe<Envelope>> probes =
        TestSource.<Envelope>probe(system)
            .via(OneAtATime.of(ProxyStage.batches(settings(policy), counters, Settlement.NONE)))
            .toMat(TestSink.probe(system), Keep.both())
            .run(system);
    IntStream.range(0, 10).forEach(i -> probes.first().sendNext(event(i)));
    probes.first().sendComplete();
    TestSubscriber.Probe<Envelope> spine = probes.second().request(20);
    List<String> kept = IntStream.range(0, 4).mapToObj(i -> spine.expectNext().eventId()).toList();
    spine.expectComplete();
    return kept;
  }

  @Test
  void shedNewestKeepsTheFirstEventsAndCountsTheRest() {
    assertEquals(List.of("e0", "e1", "e2", "e3"), overload(OverloadPolicy.SHED_NEWEST));
    assertEquals(6, counters.value(Outcome.SHED, "shed_newest"));
  }

  @Test
  void shedOldestKeepsTheLatestEventsAndCountsTheRest() {
    assertEquals(List.of("e6", "e7", "e8", "e9"), overload(OverloadPolicy.SHED_OLDEST));
    assertEquals(6, counters.value(Outcome.SHED, "shed_oldest"));
  }

  @Test
  void backpressureLosesNothingAndKeepsOrder() throws Exception {
    List<Envelope> out =
        Source.range(0, 999)
            .map(ProxyStageTest::event)
            .via(
                OneAtATime.of(
                    ProxyStage.batches(
                        settings(OverloadPolicy.BACKPRESSURE), counters, Settlement.NONE)))
            .runWith(Sink.seq(), system)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertEquals(
        IntStream.range(0, 1000).mapToObj(i -> "e" + i).toList(),
        out.stream().map(Envelope::eventId).toList());
    assertEquals(0, counters.total(Outcome.SHED));
  }
}
