package dev.ben.actors.detector;

import dev.ben.actors.ClusterSerializable;
import dev.ben.contracts.engine.detect.KeyTable;
import dev.ben.contracts.engine.playbook.BoundRequest;
import dev.ben.contracts.engine.playbook.Bounds;
import dev.ben.contracts.model.PlaybookBound;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * The bound of one playbook of one pipeline for the whole cluster (entity id {@code
 * pipeline/playbook}): every detector shard, on every member, asks it to admit its round's
 * candidate firings, so {@code at_most N per D} and every cooldown scope hold for the playbook as a
 * whole, not per shard (docs/architecture.md, Detector shards). It owns all the bound's state,
 * cooldowns included, because a cooldown's scope need not be the shards' key.
 *
 * <p>State is kept per bound, across contract versions while the bound stays the same; the last
 * {@value #BOUNDS_KEPT} bounds are kept, so members still on the previous version during an
 * activation do not reset it. State is in memory only: a budget that moves to another member (or
 * whose member restarts) starts empty there, so right after a move up to one more window's worth of
 * firings can pass, and a scope may fire again within its cooldown.
 */
public final class PlaybookBudget extends AbstractBehavior<PlaybookBudget.Command> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "ben-playbook-budget");

  static final int BOUNDS_KEPT = 4;

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

  private final KeyTable<Bounds> byBound = new KeyTable<>(BOUNDS_KEPT);

  private PlaybookBudget(ActorContext<Command> context) {
    super(context);
  }

  public static Behavior<Command> create() {
    return Behaviors.setup(PlaybookBudget::new);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder().onMessage(Admit.class, this::onAdmit).build();
  }

  private Behavior<Command> onAdmit(Admit admit) {
    Bounds bounds =
        byBound.getOrCreate(admit.bound().toString(), () -> Bounds.clusterWide(admit.bound()));
    List<String> verdicts = new ArrayList<>(admit.requests().size());
    for (BoundRequest request : admit.requests()) {
      verdicts.add(bounds.admit(request));
    }
    admit.replyTo().tell(new Admitted(verdicts));
    return this;
  }
}
