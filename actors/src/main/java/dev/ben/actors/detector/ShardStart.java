package dev.ben.actors.detector;

import dev.ben.streams.detector.state.ShardSnapshots;
import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * A detector shard as it starts: it reads its stored snapshots off its thread and keeps the rounds
 * that arrive meanwhile, then becomes the {@link DetectorShard} (with its snapshot timer) and hands
 * them over. Rounds beyond the stash are answered {@link DetectorShard.NotLoaded}, so the stage
 * asks again; a failed read is counted and the shard starts fresh.
 */
final class ShardStart extends AbstractBehavior<DetectorShard.Command> {

  private final ShardSnapshots snapshots;
  private final TimerScheduler<DetectorShard.Command> timers;
  private final StashBuffer<DetectorShard.Command> stash;
  private final BiFunction<
          ActorContext<DetectorShard.Command>, StashBuffer<DetectorShard.Command>, DetectorShard>
      started;

  private ShardStart(
      ActorContext<DetectorShard.Command> context,
      ShardSnapshots snapshots,
      TimerScheduler<DetectorShard.Command> timers,
      StashBuffer<DetectorShard.Command> stash,
      BiFunction<
              ActorContext<DetectorShard.Command>,
              StashBuffer<DetectorShard.Command>,
              DetectorShard>
          started) {
    super(context);
    this.snapshots = snapshots;
    this.timers = timers;
    this.stash = stash;
    this.started = started;
    context.pipeToSelf(
        snapshots.load(), (found, failure) -> new DetectorShard.Restored(found, failure));
  }

  /**
   * @param stashCapacity rounds kept while the snapshots are read; the started shard reuses the
   *     buffer for rounds it holds back
   */
  static Behavior<DetectorShard.Command> create(
      ShardSnapshots snapshots,
      int stashCapacity,
      BiFunction<
              ActorContext<DetectorShard.Command>,
              StashBuffer<DetectorShard.Command>,
              DetectorShard>
          started) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers ->
                    Behaviors.withStash(
                        stashCapacity,
                        stash -> new ShardStart(context, snapshots, timers, stash, started))));
  }

  @Override
  public Receive<DetectorShard.Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(DetectorShard.Restored.class, this::onRestored)
        .onMessage(DetectorShard.Detect.class, this::onDetect)
        .onMessage(DetectorShard.Stop.class, this::onStop)
        .build();
  }

  private Behavior<DetectorShard.Command> onRestored(DetectorShard.Restored restored) {
    if (restored.failure() != null) {
      getContext()
          .getLog()
          .warn(
              "reading the shard's detector snapshots failed; it starts fresh", restored.failure());
    }
    snapshots.loaded(restored.failure() == null ? restored.snapshots() : null);
    timers.startTimerWithFixedDelay(DetectorShard.snapshotDue(), snapshots.interval());
    return stash.unstashAll(started.apply(getContext(), stash));
  }

  private Behavior<DetectorShard.Command> onDetect(DetectorShard.Detect detect) {
    if (stash.isFull()) {
      detect
          .replyTo()
          .tell(new DetectorShard.NotLoaded("the detector shard is still reading its snapshots"));
    } else {
      stash.stash(detect);
    }
    return this;
  }

  /** Stops before any round ran; the rounds kept are sent to ask again where the shard goes. */
  private Behavior<DetectorShard.Command> onStop(DetectorShard.Stop stop) {
    stash.forEach(this::refuse);
    return Behaviors.stopped();
  }

  private void refuse(DetectorShard.Command kept) {
    if (kept instanceof DetectorShard.Detect detect) {
      detect.replyTo().tell(new DetectorShard.NotLoaded(DetectorShard.STOPPING));
    }
  }
}
