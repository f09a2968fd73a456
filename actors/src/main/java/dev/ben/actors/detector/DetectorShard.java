package dev.ben.actors.detector;

import dev.ben.actors.ClusterSerializable;
import dev.ben.actors.NodeLocal;
import dev.ben.contracts.engine.DetectionRound;
import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.streams.detector.DetectInput;
import dev.ben.streams.detector.ShardDetectors;
import dev.ben.streams.detector.state.ShardSnapshots;
import dev.ben.streams.detector.state.SnapshotCounts;
import dev.ben.streams.detector.state.StateKey;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlots;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * One shard of one pipeline's detector state (entity id {@code pipeline/shard}): detectors and
 * playbooks of the contract version the events were decided with, loaded from this member's slot of
 * the pipeline. A new version takes over the state of the detectors it left unchanged, the others
 * start fresh; a version this member has not loaded (yet) is answered {@link NotLoaded}, and the
 * stage asks again. State is in memory and snapshotted ({@link ShardSnapshots}): read before the
 * first round ({@link ShardStart}), written every so many events or so long, and on {@link Stop},
 * the message Cluster Sharding stops the entity with when the shard moves, so the next member
 * resumes where this one stopped. A crash loses at most the events since the last snapshot.
 * Playbook bounds (cooldowns, rates) are not snapshotted.
 *
 * <p>Playbook bounds are not the shard's: a round whose events make playbooks' conditions hold asks
 * each such playbook's cluster-wide budget once ({@link BoundAdmissions}) and answers once they
 * have decided, holding back later rounds meanwhile (in order, so a key's events stay in order; one
 * beyond the stash's capacity is {@link Refused}). A round without candidates is answered at once.
 */
public final class DetectorShard extends AbstractBehavior<DetectorShard.Command> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "ben-detector");

  public sealed interface Command extends ClusterSerializable {}

  /**
   * A round of events of one pipeline, version and schema, all keyed to this shard; answered in
   * order.
   */
  public record Detect(
      String pipeline,
      long version,
      String schema,
      List<DetectInput> inputs,
      ActorRef<Reply> replyTo)
      implements Command {}

  public sealed interface Reply extends ClusterSerializable {}

  public record Detected(List<Detection> detections) implements Reply {}

  public record NotLoaded(String reason) implements Reply {}

  /** The shard already holds back as many rounds as it may; the round's events go undetected. */
  public record Refused(String reason) implements Reply {}

  /** Stops the shard once its snapshot is written; Cluster Sharding's stop message. */
  public record Stop() implements Command, NodeLocal {}

  /** The shard's stored snapshots were read (null when the read failed). */
  record Restored(Map<StateKey, byte[]> snapshots, Throwable failure)
      implements Command, NodeLocal {}

  private record SnapshotDue() implements Command, NodeLocal {}

  private record Written(ShardSnapshots.Written result, Throwable failure, boolean lastOne)
      implements Command, NodeLocal {}

  private record RoundAdmitted(
      ActorRef<Reply> replyTo, List<Detection> detections, Throwable failure)
      implements Command, NodeLocal {}

  private final ContractSlots slots;
  private final int shardCount;
  private final ShardReports reports;
  private final ShardSnapshots snapshots;
  private final BoundAdmissions bounds;
  private final StashBuffer<Command> heldBack;
  private final Map<String, ShardDetectors> bySchema = new HashMap<>();

  DetectorShard(
      ActorContext<Command> context,
      ContractSlots slots,
      int shardCount,
      ShardReports reports,
      ShardSnapshots snapshots,
      BoundAdmissions bounds,
      StashBuffer<Command> heldBack) {
    super(context);
    this.slots = slots;
    this.shardCount = shardCount;
    this.reports = reports;
    this.snapshots = snapshots;
    this.bounds = bounds;
    this.heldBack = heldBack;
  }

  /**
   * @param stashCapacity rounds held back while the snapshots are read, and while one round waits
   *     for its playbooks' budgets
   */
  public static Behavior<Command> create(
      ContractSlots slots,
      int shardCount,
      ShardReports reports,
      ShardSnapshots snapshots,
      BoundAdmissions bounds,
      int stashCapacity) {
    return ShardStart.create(
        snapshots,
        stashCapacity,
        (context, stash) ->
            new DetectorShard(context, slots, shardCount, reports, snapshots, bounds, stash));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Detect.class, this::onDetect)
        .onMessage(SnapshotDue.class, this::onSnapshotDue)
        .onMessage(Written.class, this::onWritten)
        .onMessage(Stop.class, this::onStop)
        .build();
  }

  private Receive<Command> awaitingBounds() {
    return newReceiveBuilder()
        .onMessage(Detect.class, this::holdBack)
        .onMessage(Stop.class, this::holdBack)
        .onMessage(RoundAdmitted.class, this::onRoundAdmitted)
        .onMessage(SnapshotDue.class, this::onSnapshotDue)
        .onMessage(Written.class, this::onWritten)
        .build();
  }

  static Command snapshotDue() {
    return new SnapshotDue();
  }

  private Behavior<Command> onDetect(Detect detect) {
    Optional<ShardDetectors> state = stateFor(detect);
    if (state.isEmpty()) {
      detect
          .replyTo()
          .tell(
              new NotLoaded(
                  "contract version "
                      + detect.version()
                      + " of "
                      + detect.pipeline()
                      + " is not loaded on "
                      + getContext().getSystem().address()));
      return this;
    }
    DetectionRound round = state.get().run(detect.inputs());
    reports.after(detect.pipeline(), state.get());
    boolean snapshotDue = snapshots.counted(detect.inputs().size());
    if (snapshotDue) {
      snapshot(SnapshotCounts.EVENTS);
    }
    if (!round.hasCandidates()) {
      detect.replyTo().tell(new Detected(round.settled()));
      return this;
    }
    getContext()
        .pipeToSelf(
            round.admit(bounds.forPipeline(detect.pipeline())),
            (detections, failure) -> new RoundAdmitted(detect.replyTo(), detections, failure));
    return awaitingBounds();
  }

  /** A round, or the stop, waits for the round whose budgets are deciding. */
  private Behavior<Command> holdBack(Command command) {
    if (!heldBack.isFull()) {
      heldBack.stash(command);
    } else if (command instanceof Detect detect) {
      detect
          .replyTo()
          .tell(
              new Refused(
                  "the shard already holds back "
                      + heldBack.capacity()
                      + " rounds while playbook budgets decide"));
    } else {
      return onStop((Stop) command);
    }
    return Behaviors.same();
  }

  private Behavior<Command> onRoundAdmitted(RoundAdmitted admitted) {
    if (admitted.failure() != null) {
      // DetectionRound suppresses what its bounds do not decide, so this is a bug, not an outage.
      getContext().getLog().error("a round's admission failed", admitted.failure());
      admitted.replyTo().tell(new Refused("admission failed: " + admitted.failure()));
    } else {
      admitted.replyTo().tell(new Detected(admitted.detections()));
    }
    return heldBack.unstashAll(this);
  }

  /**
   * same(), not this: a snapshot falls due while a round waits for its budgets too, and {@code
   * this} would put the shard back in its plain behaviour, where that round's answer goes
   * unhandled.
   */
  private Behavior<Command> onSnapshotDue(SnapshotDue due) {
    snapshot(SnapshotCounts.INTERVAL);
    return Behaviors.same();
  }

  private void snapshot(String reason) {
    snapshots.write(bySchema.values(), reason, false).ifPresent(write -> pipeWritten(write, false));
  }

  private void pipeWritten(CompletionStage<ShardSnapshots.Written> write, boolean lastOne) {
    getContext().pipeToSelf(write, (written, failure) -> new Written(written, failure, lastOne));
  }

  private Behavior<Command> onWritten(Written written) {
    if (written.failure() != null) {
      getContext().getLog().warn("writing detector snapshots failed", written.failure());
    } else {
      written.result().problems().forEach(getContext().getLog()::warn);
    }
    // same(), not this: an earlier write may land while the shard waits for its last one.
    return written.lastOne() ? Behaviors.stopped() : Behaviors.same();
  }

  /** Writes the last snapshot and stops once it is written; rounds meanwhile are sent elsewhere. */
  private Behavior<Command> onStop(Stop stop) {
    var write = snapshots.write(bySchema.values(), SnapshotCounts.STOP, true);
    if (write.isEmpty()) {
      return Behaviors.stopped();
    }
    pipeWritten(write.get(), true);
    return newReceiveBuilder()
        .onMessage(Written.class, this::onWritten)
        .onMessage(Detect.class, this::onDetectWhileStopping)
        .build();
  }

  private Behavior<Command> onDetectWhileStopping(Detect detect) {
    detect.replyTo().tell(new NotLoaded(STOPPING));
    return Behaviors.same();
  }

  static final String STOPPING = "the detector shard is stopping to move";

  private Optional<ShardDetectors> stateFor(Detect detect) {
    ShardDetectors current = bySchema.get(detect.schema());
    if (current != null && current.version() == detect.version()) {
      return Optional.of(current);
    }
    Optional<ActiveContract> active =
        slots.of(detect.pipeline()).flatMap(slot -> slot.held(detect.version()));
    if (active.isEmpty()) {
      return Optional.empty();
    }
    ShardDetectors fresh =
        new ShardDetectors(detect.version(), active.get().runtime(), detect.schema(), shardCount);
    snapshots.adopt(current, fresh).forEach(getContext().getLog()::warn);
    bySchema.put(detect.schema(), fresh);
    return Optional.of(fresh);
  }
}
