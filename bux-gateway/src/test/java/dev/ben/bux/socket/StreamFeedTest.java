package dev.ben.bux.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.testkit.TestSubscriber;
import org.apache.pekko.stream.testkit.javadsl.TestSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StreamFeedTest {

  private static ActorSystem system;
  private static Materializer materializer;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("StreamFeedTest");
    materializer = Materializer.matFromSystem(system);
  }

  @AfterAll
  static void stop() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /**
   * A producer of {@code count} numbers as fast as it may, saying when it has produced them all.
   */
  private static Source<JsonNode, NotUsed> producer(int count, CompletableFuture<Done> produced) {
    return Source.range(1, count)
        .<JsonNode>map(IntNode::valueOf)
        .watchTermination(
            (notUsed, done) -> {
              done.whenComplete((d, failure) -> produced.complete(Done.getInstance()));
              return notUsed;
            });
  }

  @Test
  void aClientThatNeverReadsSlowsNeitherTheProducerNorAReader() throws Exception {
    int count = 5_000;
    CompletableFuture<Done> produced = new CompletableFuture<>();
    StreamFeed feed =
        new StreamFeed(
            new TopicRing(count), () -> producer(count, produced), item -> 0L, materializer);
    TestSubscriber.Probe<Delivery> stalled =
        feed.subscribe(0L).runWith(TestSink.create(system), materializer);
    List<Delivery> read =
        feed.subscribe(0L)
            .take(count)
            .runWith(Sink.seq(), materializer)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    produced.get(10, TimeUnit.SECONDS);
    assertEquals(count, read.size());
    for (int i = 0; i < count; i++) {
      TopicItem item = ((Delivery.Item) read.get(i)).item();
      assertEquals(i + 1, item.seq(), "in order, none missed");
      assertEquals(i + 1, item.data().asInt());
    }
    stalled.ensureSubscription();
    stalled.expectNoMessage(Duration.ofMillis(100));
    stalled.cancel();
  }

  @Test
  void aClientThatFellBehindTheRingGetsAGapThenTheOldestHeld() throws Exception {
    CompletableFuture<Done> produced = new CompletableFuture<>();
    StreamFeed feed =
        new StreamFeed(new TopicRing(8), () -> producer(100, produced), item -> 0L, materializer);
    TestSubscriber.Probe<Delivery> late =
        feed.subscribe(0L).runWith(TestSink.create(system), materializer);
    produced.get(10, TimeUnit.SECONDS);
    late.request(9);
    assertEquals(new Delivery.Gap(92), late.expectNext());
    for (long seq = 93; seq <= 100; seq++) {
      assertEquals(seq, assertInstanceOf(Delivery.Item.class, late.expectNext()).item().seq());
    }
    late.cancel();
  }

  @Test
  void theSourceIsReadOnlyWhileSomeoneSubscribes() throws Exception {
    CompletableFuture<Done> stopped = new CompletableFuture<>();
    StreamFeed feed =
        new StreamFeed(
            new TopicRing(8),
            () ->
                Source.<JsonNode>never()
                    .watchTermination(
                        (notUsed, done) -> {
                          done.whenComplete((d, f) -> stopped.complete(Done.getInstance()));
                          return notUsed;
                        }),
            item -> 0L,
            materializer);
    TestSubscriber.Probe<Delivery> watcher =
        feed.subscribe(null).runWith(TestSink.create(system), materializer);
    watcher.ensureSubscription();
    assertEquals(1, feed.watchers());
    assertFalse(stopped.isDone(), "read while watched");
    watcher.cancel();
    stopped.get(10, TimeUnit.SECONDS);
    assertEquals(0, feed.watchers());
  }
}
