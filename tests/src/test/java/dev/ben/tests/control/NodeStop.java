package dev.ben.tests.control;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Stops an in-JVM node and tells a node that did not stop from one whose own actors all stopped
 * while Pekko's remoting kept the system open.
 *
 * <p>Pekko 1.2.1's Artery waits without a deadline for its remoting streams to complete before it
 * lets the actor system terminate; a TLS connection to a member that left can stall there for good
 * (apache/pekko#3247, fixed after 1.2.1 by a bound on that wait). Every actor of Ben has stopped by
 * then (the user guardian terminated), so for a test the node is gone; a node process is not
 * affected, because the coordinated shutdown's phases are bounded and the process exits after them.
 * Anything else that keeps the system from terminating still fails the stop.
 */
final class NodeStop {

  private NodeStop() {}

  /**
   * Terminates {@code system} and waits up to {@code timeout} for it; returns whether it terminated
   * fully ({@code false}: only Pekko's remoting was left).
   *
   * @throws IllegalStateException if Ben's own actors did not all stop in time
   */
  static boolean stop(ActorSystem<?> system, Duration timeout, String name) {
    system.terminate();
    try {
      system
          .getWhenTerminated()
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      if (userActorsStopped(system)) {
        System.err.println(
            name
                + ": every actor of the node stopped, but Pekko's remoting did not let the actor"
                + " system terminate within "
                + timeout
                + " (apache/pekko#3247)");
        return false;
      }
      throw new IllegalStateException(name + " did not stop within " + timeout, e);
    } catch (Exception e) {
      throw new IllegalStateException(name + " did not stop: " + e, e);
    }
  }

  private static boolean userActorsStopped(ActorSystem<?> system) {
    return ((ExtendedActorSystem) Adapter.toClassic(system)).guardian().isTerminated();
  }
}
