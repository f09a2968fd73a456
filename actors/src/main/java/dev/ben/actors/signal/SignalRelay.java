package dev.ben.actors.signal;

import dev.ben.actors.NodeLocal;
import dev.ben.actors.bridge.MessagePlane;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.emit.EventEmitter;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.MetricsRegistry;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One per edge node: takes every signal from the signal plane into the node's signal hub, where
 * each app's server-sent-event stream picks its own. The hub never blocks the relay; a signal it
 * cannot take is counted as dropped and recorded in the event log.
 */
public final class SignalRelay extends AbstractBehavior<SignalRelay.Command> {

  public sealed interface Command extends NodeLocal {}

  private record Arrived(Signal signal) implements Command {}

  private final LiveHub<Signal> hub;
  private final MetricsRegistry metrics;
  private final AutoCloseable subscription;
  private final EventEmitter events;

  public static Behavior<Command> create(
      MessagePlane<Signal> plane,
      LiveHub<Signal> hub,
      MetricsRegistry metrics,
      EventEmitter events) {
    return Behaviors.setup(context -> new SignalRelay(context, plane, hub, metrics, events));
  }

  private SignalRelay(
      ActorContext<Command> context,
      MessagePlane<Signal> plane,
      LiveHub<Signal> hub,
      MetricsRegistry metrics,
      EventEmitter events) {
    super(context);
    this.hub = hub;
    this.events = events;
    this.metrics = metrics;
    this.subscription = plane.subscribe(context.messageAdapter(Signal.class, Arrived::new));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Arrived.class, this::onArrived)
        .onSignal(PostStop.class, signal -> onPostStop())
        .build();
  }

  private Behavior<Command> onArrived(Arrived arrived) {
    boolean taken = hub.publish(arrived.signal());
    if (taken) {
      SignalCounters.count(metrics, arrived.signal().signal(), "relayed");
    } else {
      SignalCounters.dropped(metrics, arrived.signal().signal(), "hub_full");
      events.emit(BuiltInComponents.SIGNALS, SignalEvents.dropped(arrived.signal(), "hub_full"));
    }
    return this;
  }

  private Behavior<Command> onPostStop() {
    try {
      subscription.close();
    } catch (Exception e) {
      getContext().getLog().warn("unsubscribing from signals failed: {}", e.getMessage());
    }
    return this;
  }
}
