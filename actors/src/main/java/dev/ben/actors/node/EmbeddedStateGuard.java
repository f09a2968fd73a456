package dev.ben.actors.node;

import dev.ben.actors.NodeLocal;
import java.util.HashSet;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Watches the cluster's members on a node that runs an embedded default, and makes the node leave
 * and stop (exit 1, one line) as soon as it is one of several: when another member joins it, or
 * when it joins a cluster that has members already ({@link EmbeddedStateRule}).
 */
final class EmbeddedStateGuard extends AbstractBehavior<EmbeddedStateGuard.Command> {

  sealed interface Command extends NodeLocal {}

  private record MemberChanged(ClusterEvent.MemberEvent event) implements Command {}

  private final EmbeddedStateRule rule;
  private final Set<Address> members = new HashSet<>();

  /** Spawns the guard under {@code context} when the node's settings call for one. */
  static void watchIfEmbedded(ActorContext<?> context, EmbeddedStateRule rule) {
    if (rule.watchesMembers()) {
      context.spawn(create(rule), "embedded-state-guard");
    }
  }

  static Behavior<Command> create(EmbeddedStateRule rule) {
    return Behaviors.setup(context -> new EmbeddedStateGuard(context, rule));
  }

  private EmbeddedStateGuard(ActorContext<Command> context, EmbeddedStateRule rule) {
    super(context);
    this.rule = rule;
    // Members already known arrive first, as events.
    Cluster.get(context.getSystem())
        .subscriptions()
        .tell(
            Subscribe.create(
                context.messageAdapter(ClusterEvent.MemberEvent.class, MemberChanged::new),
                ClusterEvent.MemberEvent.class));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder().onMessage(MemberChanged.class, this::onMemberChanged).build();
  }

  private Behavior<Command> onMemberChanged(MemberChanged changed) {
    Address member = changed.event().member().address();
    if (changed.event() instanceof ClusterEvent.MemberRemoved) {
      members.remove(member);
    } else {
      members.add(member);
    }
    return rule.refusal(members.size()).map(this::leave).orElse(this);
  }

  private Behavior<Command> leave(String reason) {
    getContext().getLog().error(reason);
    CoordinatedShutdown.get(getContext().getSystem()).run(new SplitRefused(reason));
    return Behaviors.stopped();
  }
}
