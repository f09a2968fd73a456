package dev.ben.actors.detector;

import dev.ben.actors.ClusterSerializable;
import dev.ben.actors.NodeLocal;
import dev.ben.contracts.engine.DetectionRound;
import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.streams.detector.DetectInput;
import dev.ben.streams.detector.ShardDetectors;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlots;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * the pipeline. A new version starts with fresh state; a version this member has not loaded (yet)
 * is answered {@link NotLoaded}, and the stage asks again. State is in memory: a shard that moves
 * to another member starts afresh there.
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

  private record RoundAdmitted(
      ActorRef<Reply> replyTo, List<Detection> detections, Throwable failure)
      implements Command, NodeLocal {}

  private final ContractSlots slots;
  private final int shardCount;
  private final ShardReports reports;
  private final BoundAdmissions bounds;
  private final StashBuffer<Command> heldBack;
  private final Map<String, ShardDetectors> bySchema = new HashMap<>();

  private DetectorShard(
      ActorContext<Command> context,
      ContractSlots slots,
      int shardCount,
      ShardReports reports,
      BoundAdmissions bounds,
      StashBuffer<Command> heldBack) {
    super(context);
    this.slots = slots;
    this.shardCount = shardCount;
    this.reports = reports;
    this.bounds = bounds;
    this.heldBack = heldBack;
  }

  /**
   * @param stashCapacity rounds held back while one waits for its playbooks' budgets
   */
  public static Behavior<Command> create(
      ContractSlots slots,
      int shardCount,
      ShardReports reports,
      BoundAdmissions bounds,
      int stashCapacity) {
    return Behaviors.withStash(
        stashCapacity,
        heldBack ->
            Behaviors.setup(
                context ->
                    new DetectorShard(context, slots, shardCount, reports, bounds, heldBack)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder().onMessage(Detect.class, this::onDetect).build();
  }

  private Receive<Command> awaitingBounds() {
    return newReceiveBuilder()
        .onMessage(Detect.class, this::holdBack)
        .onMessage(RoundAdmitted.class, this::onRoundAdmitted)
        .build();
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

  private Behavior<Command> holdBack(Detect detect) {
    if (heldBack.isFull()) {
      detect
          .replyTo()
          .tell(
              new Refused(
                  "the shard already holds back "
                      + heldBack.capacity()
                      + " rounds while playbook budgets decide"));
    } else {
      heldBack.stash(detect);
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
    bySchema.put(detect.schema(), fresh);
    return Optional.of(fresh);
  }
}
