package dev.ben.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.actors.testing.ActorTestBase;
import dev.ben.config.SupervisionSettings;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.RestartSettings;
import org.junit.jupiter.api.Test;

class SupervisionTest extends ActorTestBase {

  private static final SupervisionSettings QUICK =
      new SupervisionSettings(Duration.ofMillis(10), Duration.ofMillis(40), 0);

  /** Says "started" to the probe on every start, fails on "fail", echoes anything else. */
  private static Behavior<String> failing(ActorRef<String> probe) {
    return Behaviors.setup(
        context -> {
          probe.tell("started");
          return Behaviors.receiveMessage(message -> echoOrFail(probe, message));
        });
  }

  private static Behavior<String> echoOrFail(ActorRef<String> probe, String message) {
    if (message.equals("fail")) {
      throw new IllegalStateException("told to fail");
    }
    probe.tell(message);
    return Behaviors.same();
  }

  @Test
  void aFailedActorIsStartedAgainAndServesAfterTheBackoff() {
    TestProbe<String> probe = testKit.createTestProbe();
    ActorRef<String> actor =
        testKit.spawn(Supervision.restartWithBackoff(failing(probe.getRef()), QUICK));
    probe.expectMessage("started");
    LoggingTestKit.error(IllegalStateException.class)
        .expect(testKit.system(), () -> send(actor, "fail"));
    probe.expectMessage("started");
    actor.tell("still here");
    probe.expectMessage("still here");
  }

  @Test
  void streamsRestartWithTheSameBounds() {
    RestartSettings restarts =
        Supervision.restartSettings(
            new SupervisionSettings(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    assertEquals(200, restarts.minBackoff().toMillis());
    assertEquals(10_000, restarts.maxBackoff().toMillis());
    assertEquals(0.2, restarts.randomFactor());
  }

  private static Void send(ActorRef<String> actor, String message) {
    actor.tell(message);
    return null;
  }
}
