package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionState;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger as a node configures it (the node's application.conf, so ben-pekko.conf): its replies
 * cross to the member serving gRPC intact, and it runs on its own dispatcher.
 */
class LedgerOnANodeTest {

  private static final ActorTestKit testKit =
      ActorTestKit.create(
          ConfigFactory.parseString("pekko.actor.provider = local")
              .withFallback(ConfigFactory.load()));

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static Object roundTrip(Object message) {
    Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
    Serializer serializer = serialization.findSerializerFor(message);
    byte[] bytes = serializer.toBinary(message);
    return serialization
        .deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, message))
        .get();
  }

  @Test
  void anAnswerCrossesNodesAsTheControlApiMessage() {
    PipelineStatus status =
        PipelineStatus.newBuilder()
            .setPipeline("auth")
            .setActiveVersion(3)
            .setActivationDetail("v3 acknowledged by all 1 required component(s)")
            .addVersions(
                VersionInfo.newBuilder()
                    .setPipeline("auth")
                    .setVersion(3)
                    .setState(VersionState.ACTIVE))
            .build();

    Object back = roundTrip(StatusReply.success(status));

    assertEquals(StatusReply.success(status), back);
  }

  @Test
  void aVersionsContentsCrossNodesIntact() {
    var contents =
        new VersionContents(
            "auth",
            2,
            List.of(new VersionContents.ArtifactText("policy", "guard", "{\n  \"limit\" : 5\n}\n")),
            List.of(new VersionContents.ReplicaTable("logins", List.of("tenant", "user"))));

    assertEquals(StatusReply.success(contents), roundTrip(StatusReply.success(contents)));
  }

  @Test
  void aRefusalCrossesNodesWithItsKindAndMessage() {
    var refusal = new LedgerRefusal(LedgerRefusal.Kind.UNTRUSTED, "key not trusted");

    StatusReply<?> back = (StatusReply<?>) roundTrip(StatusReply.error(refusal));

    assertTrue(back.isError());
    LedgerRefusal received = assertInstanceOf(LedgerRefusal.class, back.getError());
    assertEquals(LedgerRefusal.Kind.UNTRUSTED, received.kind());
    assertEquals("key not trusted", received.getMessage());
  }

  @Test
  void theLedgerPropsSelectItsOwnDispatcher() {
    TestProbe<String> thread = testKit.createTestProbe();
    testKit.spawn(
        Behaviors.setup(
            context -> {
              thread.getRef().tell(Thread.currentThread().getName());
              return Behaviors.empty();
            }),
        "like-the-ledger",
        Ledger.props());

    String name = thread.receiveMessage();

    assertTrue(name.contains(Ledger.DISPATCHER), name);
  }
}
