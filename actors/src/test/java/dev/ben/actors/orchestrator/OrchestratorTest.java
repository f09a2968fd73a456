package dev.ben.actors.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import dev.ben.actors.bridge.SingletonHelloPlane;
import dev.ben.actors.testing.ActorTestBase;
import dev.ben.config.BenSettings;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

class OrchestratorTest extends ActorTestBase {

  private final TestProbe<PipelineExecutor.Command> executor = testKit.createTestProbe();

  OrchestratorTest() {
    super(SERIALIZE_MESSAGES);
  }

  private ActorRef<Orchestrator.Command> orchestrator() {
    Behavior<PipelineExecutor.Command> forwarding =
        Behaviors.receiveMessage(
            message -> {
              executor.getRef().tell(message);
              return Behaviors.same();
            });
    return testKit.spawn(
        Orchestrator.create(
            forwarding,
            new SingletonHelloPlane(),
            BenSettings.fromConfig(ConfigFactory.load()).orchestrator()));
  }

  private static Orchestrator.ComponentHello hello(String id, String pipeline, boolean managed) {
    return new Orchestrator.ComponentHello(id, "spine", pipeline, "n1", 1, managed);
  }

  @Test
  void topologyIsBuiltFromHellosAndGoodbyesAndSurvivesSerialization() {
    ActorRef<Orchestrator.Command> orchestrator = orchestrator();
    orchestrator.tell(
        new Orchestrator.ComponentHello("auth/store@n1", "store", "auth", "n1", 0, true));
    orchestrator.tell(hello("auth/spine@n1", "auth", true));
    orchestrator.tell(hello("auth/spine@n1", "auth", true));
    orchestrator.tell(new Orchestrator.ComponentGoodbye("auth/store@n1"));
    TestProbe<Orchestrator.Topology> probe = testKit.createTestProbe();
    orchestrator.tell(new Orchestrator.GetTopology(probe.getRef()));
    List<ComponentTable.Entry> components = probe.receiveMessage().components();
    assertEquals(
        List.of("auth/spine@n1"),
        components.stream().map(ComponentTable.Entry::componentId).toList());
    assertEquals(1, components.get(0).contractVersion());
  }

  @Test
  void declaredPipelinesAreEnsuredAndUndeclaredManagedOnesStopped() {
    ActorRef<Orchestrator.Command> orchestrator = orchestrator();
    orchestrator.tell(hello("old/spine@n1", "old", true));
    orchestrator.tell(hello("demo/spine@n1", "demo", false));
    orchestrator.tell(
        new Orchestrator.Declared(
            List.of(
                new PipelineIntent("auth", PipelineIntent.Mode.RUN, 3),
                new PipelineIntent("web", PipelineIntent.Mode.PAUSE, 1))));
    List<PipelineIntent> ensured =
        List.of(
            ((PipelineExecutor.Ensure) executor.receiveMessage()).intent(),
            ((PipelineExecutor.Ensure) executor.receiveMessage()).intent(),
            ((PipelineExecutor.Ensure) executor.receiveMessage()).intent());
    assertEquals(
        List.of(
            new PipelineIntent("auth", PipelineIntent.Mode.RUN, 3),
            new PipelineIntent("web", PipelineIntent.Mode.PAUSE, 1),
            PipelineIntent.stop("old")),
        ensured);
  }

  @Test
  void placementIsTheExecutorsAnswer() {
    ActorRef<Orchestrator.Command> orchestrator = orchestrator();
    TestProbe<PipelineExecutor.Placement> replies = testKit.createTestProbe();
    orchestrator.tell(new Orchestrator.GetPlacement("auth", replies.getRef()));
    var place = (PipelineExecutor.Place) executor.receiveMessage();
    assertEquals("auth", place.pipeline());
    place.replyTo().tell(new PipelineExecutor.Placement("auth", List.of("auth/spine@n1")));
    assertEquals(List.of("auth/spine@n1"), replies.receiveMessage().components());
  }
}
