package dev.ben.actors.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestKitJUnit5Extension.class)
class OrchestratorTest {

  @JUnit5TestKit
  ActorTestKit testKit = new JUnit5TestKitBuilder().withCustomConfig(ConfigFactory.parseString(
          "pekko.actor.serialize-messages = on\npekko.actor.provider = local\n"
              + "pekko.actor.serialization-bindings { \"dev.ben.actors.ClusterSerializable\" = jackson-cbor }"))
      .build();

  @Test
  void topologyIsBuiltFromHellosAndGoodbyesAndSurvivesSerialization() {
    ActorRef<Orchestrator.Command> orchestrator = testKit.spawn(Orchestrator.create());
    orchestrator.tell(new Orchestrator.ComponentHello("auth/store@n1", "store", "auth", "n1"));
    orchestrator.tell(new Orchestrator.ComponentHello("auth/spine@n1", "spine", "auth", "n1"));
    orchestrator.tell(new Orchestrator.ComponentHello("auth/spine@n1", "spine", "auth", "n1"));
    orchestrator.tell(new Orchestrator.ComponentGoodbye("auth/store@n1"));
    TestProbe<Orchestrator.Topology> probe = testKit.createTestProbe();
    orchestrator.tell(new Orchestrator.GetTopology(probe.getRef()));
    List<ComponentTable.Entry> components = probe.receiveMessage().components();
    assertEquals(List.of("auth/spine@n1"), components.stream().map(ComponentTable.Entry::componentId).toList());
  }
}
