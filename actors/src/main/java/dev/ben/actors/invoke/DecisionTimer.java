package dev.ben.actors.invoke;

import java.time.Duration;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.dispatch.ExecutionContexts;
import scala.concurrent.ExecutionContextExecutor;

/**
 * Runs an action once a decision has waited too long, unless cancelled first. A node uses the actor
 * system's scheduler, whose thread ticks anyway: the JDK's {@code CompletableFuture.orTimeout}
 * wakes a thread of its own for most invocations, which on two cores measured almost one extra
 * context switch per invocation (docs/bench.md).
 */
@FunctionalInterface
public interface DecisionTimer {

  /** Schedules {@code action} after {@code delay}; the returned runnable cancels it. */
  Runnable schedule(Duration delay, Runnable action);

  /** The timer of an actor system: the action runs on the scheduler's thread. */
  static DecisionTimer of(Scheduler scheduler) {
    ExecutionContextExecutor onTheSchedulersThread = ExecutionContexts.fromExecutor(Runnable::run);
    return (delay, action) -> scheduler.scheduleOnce(delay, action, onTheSchedulersThread)::cancel;
  }
}
