package dev.ben.actors.detector;

import dev.ben.actors.ClusterSerializable;
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
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * One shard of one pipeline's detector state (entity id {@code pipeline/shard}): detectors and
 * playbooks of the contract version the events were decided with, loaded from this member's slot of
 * the pipeline. A new version starts with fresh state; a version this member has not loaded (yet)
 * is answered {@link NotLoaded}, and the stage asks again. State is in memory: a shard that moves
 * to another member starts afresh there.
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

  private final ContractSlots slots;
  private final int shardCount;
  private final ShardReports reports;
  private final Map<String, ShardDetectors> bySchema = new HashMap<>();

  private DetectorShard(
      ActorContext<Command> context, ContractSlots slots, int shardCount, ShardReports reports) {
    super(context);
    this.slots = slots;
    this.shardCount = shardCount;
    this.reports = reports;
  }

  public static Behavior<Command> create(
      ContractSlots slots, int shardCount, ShardReports reports) {
    return Behaviors.setup(context -> new DetectorShard(context, slots, shardCount, reports));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder().onMessage(Detect.class, this::onDetect).build();
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
    List<Detection> detections = state.get().run(detect.inputs());
    reports.after(detect.pipeline(), state.get());
    detect.replyTo().tell(new Detected(detections));
    return this;
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
