package dev.ben.tests.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.ben.actors.bridge.NatsHelloPlane;
import dev.ben.actors.bridge.NatsSubjectPlane;
import dev.ben.actors.ledger.ContractNotice;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.config.BenSettings;
import dev.ben.streams.access.ArtifactKey;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.nats.NatsClient;
import dev.ben.tests.support.TestServers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bridge's two NATS planes against the real server, each test in its own namespace: presence
 * survives the orchestrator's absence (a durable consumer), and notices reach subscribers while
 * garbage is refused and counted.
 */
class NatsPlanesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ActorTestKit testKit;
  private static NatsClient nats;
  private final MetricsRegistry metrics = new MetricsRegistry();

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create();
    nats = NatsClient.connect(TestServers.nats());
  }

  @AfterAll
  static void stop() {
    nats.close();
    testKit.shutdownTestKit();
  }

  private static Orchestrator.ComponentHello hello(String id) {
    return new Orchestrator.ComponentHello(id, "spine", "auth", "pekko://ben@127.0.0.1:1", 3, true);
  }

  @Test
  void presenceSentWhileNoOrchestratorListensIsDeliveredToTheNextOneAndOnlyOnce() throws Exception {
    NatsHelloPlane plane =
        new NatsHelloPlane(
            nats.streams(),
            TestServers.unique("presence"),
            JSON,
            metrics,
            testKit.system(),
            BenSettings.fromConfig(ConfigFactory.load()));
    plane.send(hello("auth/spine@a"));
    plane.send(hello("auth/spine@b"));
    plane.send(new Orchestrator.ComponentGoodbye("auth/spine@a"));

    TestProbe<Orchestrator.Command> first = testKit.createTestProbe();
    AutoCloseable delivery = plane.deliverTo(first.getRef());
    assertEquals(
        List.of(
            hello("auth/spine@a"),
            hello("auth/spine@b"),
            new Orchestrator.ComponentGoodbye("auth/spine@a")),
        first.receiveSeveralMessages(3));
    delivery.close();

    plane.send(hello("auth/spine@c"));
    TestProbe<Orchestrator.Command> next = testKit.createTestProbe();
    AutoCloseable again = plane.deliverTo(next.getRef());
    // A pull the closed consumer still had open may take it; it is then redelivered after the 2 s
    // ack wait.
    assertEquals(hello("auth/spine@c"), next.receiveMessage(java.time.Duration.ofSeconds(10)));
    again.close();
  }

  @Test
  void noticesReachSubscribersAndAnythingElseOnTheSubjectIsRefusedAndCounted() throws Exception {
    String namespace = TestServers.unique("notices");
    var plane =
        new NatsSubjectPlane<>(
            nats.subjects(),
            namespace + ".notices.contracts",
            ContractNotice.class,
            JSON,
            metrics,
            "notices");
    TestProbe<ContractNotice> subscriber = testKit.createTestProbe();
    AutoCloseable subscription = plane.subscribe(subscriber.getRef());
    try {
      ContractNotice first = notice(1);
      plane.publish(first);
      assertEquals(first, subscriber.receiveMessage());
      nats.subjects()
          .publish(namespace + ".notices.contracts", "{not json".getBytes(StandardCharsets.UTF_8));
      ContractNotice second = notice(2);
      plane.publish(second);
      assertEquals(second, subscriber.receiveMessage());
      assertEquals(1, metrics.value("ben_bridge_refused_total", Labels.of("plane", "notices")));
    } finally {
      subscription.close();
    }
  }

  private static ContractNotice notice(long version) {
    return new ContractNotice(
        "auth",
        version,
        new ArtifactKey("auth", version, "bundles/auth/" + version, "sha256:" + "ab".repeat(32)));
  }
}
