package dev.ben.actors.node;

import dev.ben.actors.NodeLocal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a round of blocking work against a store every {@code interval}: copying rows into the
 * front-end replicas, copying the event log into its history. A round runs on the blocking executor
 * and the next is scheduled only when it ends, so rounds never overlap however slow the store is; a
 * round that says more work waits starts the next at once. A failed round (the store is down) is
 * logged and the next one tries again after the interval.
 */
final class RepeatedRounds extends AbstractBehavior<RepeatedRounds.Command> {

  private static final Logger log = LoggerFactory.getLogger(RepeatedRounds.class);

  /** The actor's messages: the timer's tick and a finished round. */
  sealed interface Command extends NodeLocal {}

  private enum Tick implements Command {
    INSTANCE
  }

  private record RoundDone(boolean more, Throwable failure) implements Command {}

  private final String work;
  private final BooleanSupplier round;
  private final Duration interval;
  private final Executor blocking;
  private final TimerScheduler<Command> timers;

  /**
   * {@code work} names the rounds in logs ("copying rows into the front-end replicas"); {@code
   * round} does one and answers whether more work waits.
   */
  static Behavior<Command> create(
      String work, BooleanSupplier round, Duration interval, Executor blocking) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> new RepeatedRounds(context, timers, work, round, interval, blocking)));
  }

  private RepeatedRounds(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      String work,
      BooleanSupplier round,
      Duration interval,
      Executor blocking) {
    super(context);
    this.work = work;
    this.round = round;
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
            CompletableFuture.supplyAsync(round::getAsBoolean, blocking),
            (more, failure) -> new RoundDone(failure == null && more, failure));
    return this;
  }

  private Behavior<Command> onRoundDone(RoundDone done) {
    if (done.failure() != null) {
      log.warn("{} failed; retrying in {}: {}", work, interval, done.failure().getMessage());
    }
    if (done.more()) {
      getContext().getSelf().tell(Tick.INSTANCE);
    } else {
      timers.startSingleTimer(Tick.INSTANCE, interval);
    }
    return this;
  }
}
