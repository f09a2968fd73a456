package dev.ben.actors.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The actor system's scheduler as the invocation's decision timer. */
class DecisionTimerTest {

  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void anActionRunsOnceItsDelayIsOver() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    DecisionTimer.of(KIT.scheduler()).schedule(Duration.ofMillis(20), ran::countDown);
    assertTrue(ran.await(10, TimeUnit.SECONDS), "the action ran");
  }

  @Test
  void aCancelledActionNeverRuns() throws InterruptedException {
    DecisionTimer timer = DecisionTimer.of(KIT.scheduler());
    AtomicInteger cancelledRuns = new AtomicInteger();
    Runnable cancel = timer.schedule(Duration.ofMillis(50), cancelledRuns::incrementAndGet);
    cancel.run();
    // A later action on the same scheduler has run, so the earlier one's time has passed too.
    CountDownLatch later = new CountDownLatch(1);
    timer.schedule(Duration.ofMillis(200), later::countDown);
    assertTrue(later.await(10, TimeUnit.SECONDS), "the later action ran");
    assertEquals(0, cancelledRuns.get(), "the cancelled action did not run");
  }
}
