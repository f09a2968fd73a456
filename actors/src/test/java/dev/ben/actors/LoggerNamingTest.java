package dev.ben.actors;

import dev.ben.actors.testing.ActorTestBase;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

class LoggerNamingTest extends ActorTestBase {

  /** The class the logger is named after; nothing of it is on the stack when the actor logs. */
  private static final class Owner {}

  private static Behavior<String> logging(ActorContext<String> context) {
    return Behaviors.receiveMessage(message -> logged(context, message));
  }

  private static Behavior<String> logged(ActorContext<String> context, String message) {
    context.getLog().info("heard {}", message);
    return Behaviors.same();
  }

  @Test
  void theActorLogsUnderTheGivenClassWhateverIsOnTheStack() {
    ActorRef<String> actor =
        testKit.spawn(LoggerNaming.setup(Owner.class, LoggerNamingTest::logging));
    LoggingTestKit.info("heard hello")
        .withLoggerName(Owner.class.getName())
        .expect(testKit.system(), () -> tell(actor, "hello"));
  }

  private static Void tell(ActorRef<String> actor, String message) {
    actor.tell(message);
    return null;
  }
}
