package dev.ben.actors.orchestrator;

import dev.ben.actors.ClusterSerializable;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The cluster-singleton orchestrator. At this stage it knows which components run where; it learns it from hellos
 * (sent repeatedly by every component) and forgets components that stop sending them. It persists nothing.
 */
public final class Orchestrator extends AbstractBehavior<Orchestrator.Command> {

  /** How often components resend their hello; the orchestrator expires them after three missed ones. */
  public static final Duration HELLO_INTERVAL = Duration.ofSeconds(2);

  public sealed interface Command extends ClusterSerializable {}

  /** A component announcing (or re-announcing) itself. Repeatable. */
  public record ComponentHello(String componentId, String kind, String pipeline, String node) implements Command {}

  /** A component stopping on purpose. */
  public record ComponentGoodbye(String componentId) implements Command {}

  public record GetTopology(ActorRef<Topology> replyTo) implements Command {}

  /** What the orchestrator currently believes runs. */
  public record Topology(List<ComponentTable.Entry> components) implements ClusterSerializable {}

  private enum ExpireTick implements Command { INSTANCE }

  private final ComponentTable table = new ComponentTable(HELLO_INTERVAL.multipliedBy(3).toMillis());

  public static Behavior<Command> create() {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> new Orchestrator(context, timers)));
  }

  private Orchestrator(ActorContext<Command> context, TimerScheduler<Command> timers) {
    super(context);
    timers.startTimerWithFixedDelay(ExpireTick.INSTANCE, HELLO_INTERVAL);
    context.getLog().info("orchestrator started on {}", context.getSystem().address());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(ComponentHello.class, this::onHello)
        .onMessage(ComponentGoodbye.class, this::onGoodbye)
        .onMessage(GetTopology.class, this::onGetTopology)
        .onMessageEquals(ExpireTick.INSTANCE, this::onExpireTick)
        .build();
  }

  private Behavior<Command> onHello(ComponentHello hello) {
    if (table.hello(hello.componentId(), hello.kind(), hello.pipeline(), hello.node(), System.currentTimeMillis())) {
      getContext().getLog().info("component {} ({} of pipeline {}) is running on {}",
          hello.componentId(), hello.kind(), hello.pipeline(), hello.node());
    }
    return this;
  }

  private Behavior<Command> onGoodbye(ComponentGoodbye goodbye) {
    table.remove(goodbye.componentId());
    return this;
  }

  private Behavior<Command> onGetTopology(GetTopology request) {
    request.replyTo().tell(new Topology(table.snapshot()));
    return this;
  }

  private Behavior<Command> onExpireTick() {
    table.expire(System.currentTimeMillis())
        .forEach(id -> getContext().getLog().warn("component {} stopped sending hellos; considered gone", id));
    return this;
  }
}
