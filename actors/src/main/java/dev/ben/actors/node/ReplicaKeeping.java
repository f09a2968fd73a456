package dev.ben.actors.node;

import dev.ben.actors.NodeLocal;
import dev.ben.streams.store.replica.ReplicaKeeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the node's {@link ReplicaKeeper} every {@code ben.store.replica-interval}. A round runs on
 * the blocking executor and the next is scheduled only when it ends, so rounds never overlap
 * however slow the store is; a failed round (the store is down) is logged and the next one tries
 * again, the lag gauge growing meanwhile.
 */
final class ReplicaKeeping {

  private static final Logger log = LoggerFactory.getLogger(ReplicaKeeping.class);

  /** The actor's messages: the timer's tick and a finished round. */
  sealed interface Command extends NodeLocal {}

  private enum Tick implements Command {
    INSTANCE
  }

  private record RoundDone(Throwable failure) implements Command {}

  private ReplicaKeeping() {}

  static Behavior<Command> create(ReplicaKeeper keeper, Duration interval, Executor blocking) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> {
                  timers.startSingleTimer(Tick.INSTANCE, interval);
                  return Behaviors.receive(Command.class)
                      .onMessage(
                          Tick.class,
                          tick -> {
                            context.pipeToSelf(
                                CompletableFuture.runAsync(keeper::round, blocking),
                                (done, failure) -> new RoundDone(failure));
                            return Behaviors.same();
                          })
                      .onMessage(
                          RoundDone.class,
                          done -> {
                            if (done.failure() != null) {
                              log.warn(
                                  "copying rows into the front-end replicas failed; retrying in {}: {}",
                                  interval,
                                  done.failure().getMessage());
                            }
                            timers.startSingleTimer(Tick.INSTANCE, interval);
                            return Behaviors.same();
                          })
                      .build();
                }));
  }
}
