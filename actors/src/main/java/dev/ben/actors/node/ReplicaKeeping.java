package dev.ben.actors.node;

import dev.ben.actors.NodeLocal;
import dev.ben.streams.store.replica.ReplicaKeeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the node's {@link ReplicaKeeper} every {@code ben.store.replica-interval}. A round runs on
 * the blocking executor and the next is scheduled only when it ends, so rounds never overlap
 * however slow the store is; a failed round (the store is down) is logged and the next one tries
 * again, the lag gauge growing meanwhile.
 */
final class ReplicaKeeping extends AbstractBehavior<ReplicaKeeping.Command> {

  private static final Logger log = LoggerFactory.getLogger(ReplicaKeeping.class);

  /** The actor's messages: the timer's tick and a finished round. */
  sealed interface Command extends NodeLocal {}

  private enum Tick implements Command {
    INSTANCE
  }

  private record RoundDone(Throwable failure) implements Command {}

  private final ReplicaKeeper keeper;
  private final Duration interval;
  private final Executor blocking;
  private final TimerScheduler<Command> timers;

  static Behavior<Command> create(ReplicaKeeper keeper, Duration interval, Executor blocking) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> new ReplicaKeeping(context, timers, keeper, interval, blocking)));
  }

  private ReplicaKeeping(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      ReplicaKeeper keeper,
      Duration interval,
      Executor blocking) {
    super(context);
    this.keeper = keeper;
    this.interval = interval;
    this.blocking = blocking;
    this.timers = timers;
    timers.startSingleTimer(Tick.INSTANCE, interval);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .onMessage(RoundDone.class, this::onRoundDone)
        .build();
  }

  private Behavior<Command> onTick() {
    getContext()
        .pipeToSelf(
            CompletableFuture.runAsync(keeper::round, blocking),
            (done, failure) -> new RoundDone(failure));
    return this;
  }

  private Behavior<Command> onRoundDone(RoundDone done) {
    if (done.failure() != null) {
      log.warn(
          "copying rows into the front-end replicas failed; retrying in {}: {}",
          interval,
          done.failure().getMessage());
    }
    timers.startSingleTimer(Tick.INSTANCE, interval);
    return this;
  }
}
