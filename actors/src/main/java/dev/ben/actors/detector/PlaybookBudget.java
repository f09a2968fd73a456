package dev.ben.actors.detector;

import dev.ben.actors.ClusterSerializable;
import dev.ben.actors.NodeLocal;
import dev.ben.contracts.engine.playbook.BoundAdmission;
import dev.ben.contracts.engine.playbook.BoundRequest;
import dev.ben.contracts.model.PlaybookBound;
import java.util.Collections;
import java.util.List;
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
 * The bound of one playbook of one pipeline for the whole cluster (entity id {@code
 * pipeline/playbook}): every detector shard, on every member, asks it to admit its round's
 * candidate firings, so {@code at_most N per D} and every cooldown scope hold for the playbook as a
 * whole, not per shard (docs/architecture.md, Detector shards). It owns all the bound's state,
 * cooldowns included, because a cooldown's scope need not be the shards' key ({@link BudgetState}).
 *
 * <p>The state outlives a move or a restart: it is read from the state store as the budget starts
 * (candidates that arrive meanwhile wait), written after each admission that recorded a firing, and
 * written last when Cluster Sharding stops the budget to move it ({@link Stop}), before the next
 * member starts it ({@link BudgetSnapshots}). What a crash can lose is the firings admitted since
 * the last write that landed.
 */
public final class PlaybookBudget extends AbstractBehavior<PlaybookBudget.Command> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "ben-playbook-budget");

  public sealed interface Command extends ClusterSerializable {}

  /**
   * Candidate firings of one round of one shard, in event order, under the bound of the asking
   * shard's contract version.
   */
  public record Admit(PlaybookBound bound, List<BoundRequest> requests, ActorRef<Admitted> replyTo)
      implements Command {}

  /**
   * One verdict per request, in order: {@link
   * dev.ben.contracts.engine.playbook.BoundAdmission#ADMITTED} or the suppression reason.
   */
  public record Admitted(List<String> verdicts) implements ClusterSerializable {}

  /** Stops the budget once its state is written; Cluster Sharding's stop message. */
  public record Stop() implements Command, NodeLocal {}

  private record Restored(Optional<byte[]> snapshot, Throwable failure)
      implements Command, NodeLocal {}

  private record Written(Throwable failure) implements Command, NodeLocal {}

  static final String RESTORING = "the playbook's budget is still reading its state";
  static final String STOPPING = "the playbook's budget stopped to move";

  private final BudgetSnapshots snapshots;
  private final StashBuffer<Command> stash;
  private BudgetState state = new BudgetState();
  private boolean stopping;

  private PlaybookBudget(
      ActorContext<Command> context, BudgetSnapshots snapshots, StashBuffer<Command> stash) {
    super(context);
    this.snapshots = snapshots;
    this.stash = stash;
    context.pipeToSelf(snapshots.load(), Restored::new);
  }

  /**
   * @param stashCapacity candidates' rounds kept while the state is read; beyond it they are
   *     suppressed as {@link BoundAdmission#UNAVAILABLE}
   */
  static Behavior<Command> create(BudgetSnapshots snapshots, int stashCapacity) {
    return Behaviors.setup(
        context ->
            Behaviors.withStash(
                stashCapacity, stash -> new PlaybookBudget(context, snapshots, stash).restoring()));
  }

  private Receive<Command> restoring() {
    return newReceiveBuilder()
        .onMessage(Restored.class, this::onRestored)
        .onMessage(Admit.class, this::onAdmitWhileRestoring)
        .onMessage(Stop.class, this::onStopWhileRestoring)
        .build();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Admit.class, this::onAdmit)
        .onMessage(Written.class, this::onWritten)
        .onMessage(Stop.class, this::onStop)
        .build();
  }

  private Behavior<Command> onRestored(Restored restored) {
    state = snapshots.restored(restored.snapshot(), restored.failure(), this::warn);
    return stash.unstashAll(this);
  }

  private Behavior<Command> onAdmitWhileRestoring(Admit admit) {
    if (stash.isFull()) {
      suppress(admit, RESTORING);
    } else {
      stash.stash(admit);
    }
    return Behaviors.same();
  }

  /** Stops before the state was read: nothing changed, and the rounds kept are suppressed. */
  private Behavior<Command> onStopWhileRestoring(Stop stop) {
    stash.forEach(kept -> suppress((Admit) kept, STOPPING));
    return Behaviors.stopped();
  }

  private Behavior<Command> onAdmit(Admit admit) {
    BudgetState.Verdicts verdicts = state.admit(admit.bound(), admit.requests());
    admit.replyTo().tell(new Admitted(verdicts.verdicts()));
    if (verdicts.changed()) {
      snapshots.changed();
      writeIfDue();
    }
    return this;
  }

  private Behavior<Command> onWritten(Written written) {
    snapshots.written(written.failure());
    if (written.failure() != null) {
      warn("writing the playbook budget's state failed", written.failure());
    }
    writeIfDue();
    return stopping && snapshots.idle() ? Behaviors.stopped() : this;
  }

  /** Stops once the state is written (at once when the stored state is already the latest). */
  private Behavior<Command> onStop(Stop stop) {
    stopping = true;
    writeIfDue();
    return snapshots.idle() ? Behaviors.stopped() : this;
  }

  private void writeIfDue() {
    snapshots
        .next(state::snapshot, this::warn)
        .ifPresent(
            write -> getContext().pipeToSelf(write, (done, failure) -> new Written(failure)));
  }

  private void suppress(Admit admit, String why) {
    admit
        .replyTo()
        .tell(
            new Admitted(
                Collections.nCopies(
                    admit.requests().size(), BoundAdmission.UNAVAILABLE + ": " + why)));
  }

  private void warn(String what, Throwable failure) {
    if (failure == null) {
      getContext().getLog().warn(what);
    } else {
      getContext().getLog().warn(what, failure);
    }
  }
}
