package dev.ben.streams.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.testkit.TestSubscriber;
import org.apache.pekko.stream.testkit.javadsl.TestSink;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoalescingTest {

  private static ActorSystem system;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("coalescing");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  private static List<Envelope> events(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> new Envelope("e" + i, "p", "app", 0, JsonNodeFactory.instance.objectNode()))
        .toList();
  }

  /** A stage's side of the boundary: a probe that asks for batches only when the test says so. */
  private static Pair<
          TestSubscriber.Probe<List<Envelope>>, Sink<List<Envelope>, org.apache.pekko.NotUsed>>
      stage() {
    return org.apache.pekko.stream.javadsl.Flow.<List<Envelope>>create()
        .toMat(TestSink.probe(system), org.apache.pekko.stream.javadsl.Keep.right())
        .preMaterialize(system);
  }

  @Test
  void aPressedStageReceivesBatchesOfAtMostTheLimitInOrder() {
    Pair<TestSubscriber.Probe<List<Envelope>>, Sink<List<Envelope>, org.apache.pekko.NotUsed>>
        probe = stage();
    Source.from(events(100)).runWith(Coalescing.ingress(probe.second(), 8), system);
    TestSubscriber.Probe<List<Envelope>> stage = probe.first();
    List<String> received = new ArrayList<>();
    int largest = 0;
    stage.request(1);
    List<Envelope> firstBatch = stage.expectNext();
    received.addAll(firstBatch.stream().map(Envelope::eventId).toList());
    // Nothing is asked for a while: the sender coalesces what waits.
    stage.expectNoMessage(java.time.Duration.ofMillis(100));
    while (received.size() < 100) {
      stage.request(1);
      List<Envelope> batch = stage.expectNext();
      largest = Math.max(largest, batch.size());
      assertTrue(batch.size() <= 8, "at most the limit: " + batch.size());
      received.addAll(batch.stream().map(Envelope::eventId).toList());
    }
    assertEquals(events(100).stream().map(Envelope::eventId).toList(), received);
    assertEquals(8, largest, "a pressed stage gets full batches");
  }

  @Test
  void aStageThatKeepsUpGetsEachEventAloneAtOnce() {
    Pair<TestSubscriber.Probe<List<Envelope>>, Sink<List<Envelope>, org.apache.pekko.NotUsed>>
        probe = stage();
    var queue =
        Source.<Envelope>queue(4)
            .toMat(
                Coalescing.ingress(probe.second(), 8), org.apache.pekko.stream.javadsl.Keep.left())
            .run(system);
    TestSubscriber.Probe<List<Envelope>> stage = probe.first();
    stage.request(10);
    for (Envelope event : events(5)) {
      queue.offer(event);
      assertEquals(
          List.of(event), stage.expectNext(), "crosses alone, without waiting for a batch to fill");
    }
  }

  @Test
  void mergedJoinsWaitingBatchesUpToTheLimitInOrderWithoutChangingThem() {
    Pair<TestSubscriber.Probe<List<Envelope>>, Sink<List<Envelope>, org.apache.pekko.NotUsed>>
        probe = stage();
    List<Envelope> all = events(100);
    List<List<Envelope>> sent = new ArrayList<>();
    for (int from = 0; from < 100; from += 5) {
      sent.add(List.copyOf(all.subList(from, from + 5)));
    }
    sent.add(List.copyOf(all.subList(0, 30)));
    Source.from(sent).via(Coalescing.merged(12)).runWith(probe.second(), system);
    TestSubscriber.Probe<List<Envelope>> stage = probe.first();
    stage.request(1);
    List<String> received =
        new ArrayList<>(stage.expectNext().stream().map(Envelope::eventId).toList());
    stage.expectNoMessage(java.time.Duration.ofMillis(100));
    int largest = 0;
    while (received.size() < 130) {
      stage.request(1);
      List<Envelope> batch = stage.expectNext();
      largest = Math.max(largest, batch.size());
      received.addAll(batch.stream().map(Envelope::eventId).toList());
    }
    List<String> expected = new ArrayList<>(all.stream().map(Envelope::eventId).toList());
    expected.addAll(all.subList(0, 30).stream().map(Envelope::eventId).toList());
    assertEquals(expected, received, "every event once, in order");
    assertEquals(30, largest, "a batch larger than the limit goes on alone, whole");
    assertTrue(
        sent.stream().allMatch(batch -> batch.size() == 5 || batch.size() == 30),
        "the batches given are never added to");
  }
}
