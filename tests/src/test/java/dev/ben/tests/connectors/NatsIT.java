package dev.ben.tests.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.nats.JetStreamMessage;
import dev.ben.streams.nats.KvChange;
import dev.ben.streams.nats.NatsClient;
import dev.ben.tests.support.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JetStream, KV and Object Store against the real nats-server started by ./ben test. */
class NatsIT {

  private static ActorSystem system;
  private static NatsClient nats;

  @BeforeAll
  static void connect() {
    system = ActorSystem.create("nats-it");
    nats = NatsClient.connect(TestServers.nats());
  }

  @AfterAll
  static void disconnect() {
    nats.close();
    TestKit.shutdownActorSystem(system);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The first consumer acknowledges three messages and stops; whatever it read ahead without
   * acknowledging comes back after the ack wait, and nothing it acknowledged ever does.
   */
  @Test
  void aDurableConsumerResumesAfterItsLastAcknowledgedMessage() throws Exception {
    String stream = TestServers.unique("HELLO").toUpperCase();
    String subject = stream.toLowerCase() + ".hello";
    nats.streams().ensure(stream, subject);
    for (int i = 1; i <= 5; i++) {
      nats.streams().publish(subject, utf8("hello-" + i));
    }
    Duration ackWait = Duration.ofSeconds(1);
    List<String> first =
        nats.streams()
            .durable(stream, subject, "orchestrator", 1, ackWait)
            .take(3)
            .map(m -> ack(m))
            .runWith(Sink.seq(), system)
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
    assertEquals(List.of("hello-1", "hello-2", "hello-3"), first);
    nats.streams().publish(subject, utf8("hello-6"));
    List<String> second =
        nats.streams()
            .durable(stream, subject, "orchestrator", 10, ackWait)
            .take(3)
            .map(m -> ack(m))
            .runWith(Sink.seq(), system)
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
    assertEquals(
        java.util.Set.of("hello-4", "hello-5", "hello-6"),
        java.util.Set.copyOf(second),
        "acknowledged messages are not redelivered, unacknowledged ones are");
  }

  /**
   * A consumer with nothing left to read keeps fetching; stopping it must not wait for those empty
   * fetches to run out (they used to repeat inside one run of the stream, holding back the kill
   * switch and the actor system's termination for minutes).
   */
  @Test
  void anIdleDurableConsumerStopsWhenItsKillSwitchIsPulled() throws Exception {
    String stream = TestServers.unique("IDLE").toUpperCase();
    String subject = stream.toLowerCase() + ".hello";
    nats.streams().ensure(stream, subject);
    var received = new java.util.concurrent.LinkedBlockingQueue<String>();
    var running =
        nats.streams()
            .durable(stream, subject, "idle", 10, Duration.ofSeconds(30))
            .viaMat(KillSwitches.single(), Keep.right())
            .watchTermination(Keep.both())
            .to(Sink.foreach(m -> received.add(ack(m))))
            .run(system);
    nats.streams().publish(subject, utf8("only"));
    assertEquals("only", received.poll(20, TimeUnit.SECONDS), "the consumer runs");
    running.first().shutdown();
    running.second().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static String ack(JetStreamMessage message) {
    message.ack();
    return new String(message.data(), StandardCharsets.UTF_8);
  }

  @Test
  void aKvWatcherSeesTheCurrentStateThenPutsAndDeletes() throws Exception {
    String bucket = TestServers.unique("pipelines");
    nats.kv().ensure(bucket);
    nats.kv().put(bucket, "auth", utf8("{\"status\":\"published\"}"));
    TestKit probe = new TestKit(system);
    var changes = new java.util.concurrent.LinkedBlockingQueue<KvChange>();
    nats.kv().watch(bucket, 64).runForeach(changes::add, system);
    KvChange initial = changes.poll(10, TimeUnit.SECONDS);
    assertEquals(KvChange.Op.PUT, initial.op());
    assertEquals("auth", initial.key());
    nats.kv().put(bucket, "web", utf8("{\"status\":\"draft\"}"));
    nats.kv().delete(bucket, "auth");
    KvChange put = changes.poll(10, TimeUnit.SECONDS);
    KvChange del = changes.poll(10, TimeUnit.SECONDS);
    assertEquals("web", put.key());
    assertArrayEquals(utf8("{\"status\":\"draft\"}"), put.value());
    assertEquals(KvChange.Op.DEL, del.op());
    assertEquals("auth", del.key());
    assertTrue(del.revision() > put.revision());
    assertTrue(nats.kv().get(bucket, "auth").isEmpty());
    probe.awaitCond(Duration.ofSeconds(5), () -> nats.kv().get(bucket, "web").isPresent());
  }

  @Test
  void objectsRoundTripThroughTheObjectStore() {
    String bucket = TestServers.unique("bundles");
    nats.objects().ensure(bucket);
    byte[] body = new byte[300_000];
    new java.util.Random(3).nextBytes(body);
    nats.objects().put(bucket, "auth/1", body);
    assertArrayEquals(body, nats.objects().get(bucket, "auth/1").orElseThrow());
    assertTrue(nats.objects().get(bucket, "auth/404").isEmpty());
  }
}
