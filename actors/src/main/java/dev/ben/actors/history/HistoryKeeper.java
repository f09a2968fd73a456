package dev.ben.actors.history;

import dev.ben.actors.ClusterSerializable;
import dev.ben.config.HistorySettings;
import dev.ben.streams.history.HistoryPoint;
import dev.ben.streams.history.HistoryRing;
import dev.ben.streams.history.MetricsSampler;
import dev.ben.streams.history.SeriesFilter;
import dev.ben.streams.metrics.MetricsRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * One node's metrics history: samples the node's series every {@code ben.gateway.history-interval}
 * into a ring of the last {@code history-points}, and answers whoever asks for the points after a
 * time. It registers under {@link #KEY} so a gateway on any node finds it.
 */
public final class HistoryKeeper extends AbstractBehavior<HistoryKeeper.Command> {

  /** Keepers register under this key; a gateway's history port finds them through it. */
  public static final ServiceKey<Command> KEY =
      ServiceKey.create(Command.class, "ben-metrics-history");

  public sealed interface Command extends ClusterSerializable {}

  /** The points after {@code sinceMs} holding the series {@code series} names (empty: all). */
  public record Since(long sinceMs, Set<String> series, ActorRef<Points> replyTo)
      implements Command {}

  /** A node's answer: its address and its points, oldest first. */
  public record Points(String node, List<HistoryPoint> points) implements ClusterSerializable {}

  private enum Sample implements Command {
    INSTANCE
  }

  private final String node;
  private final MetricsSampler sampler;
  private final HistoryRing ring;
  private final Clock clock;

  /** The keeper of this node: its JVM and registry sampled, named by its cluster address. */
  public static Behavior<Command> forNode(HistorySettings settings, MetricsRegistry metrics) {
    return Behaviors.setup(
        context ->
            create(
                context.getSystem().address().toString(),
                settings,
                MetricsSampler.forNode(metrics, settings.maxSeries()),
                Clock.systemUTC()));
  }

  /**
   * @param node the node's cluster address, as the merged history names it
   */
  public static Behavior<Command> create(
      String node, HistorySettings settings, MetricsSampler sampler, Clock clock) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerAtFixedRate(Sample.INSTANCE, settings.interval());
                  return new HistoryKeeper(context, node, settings, sampler, clock);
                }));
  }

  private HistoryKeeper(
      ActorContext<Command> context,
      String node,
      HistorySettings settings,
      MetricsSampler sampler,
      Clock clock) {
    super(context);
    this.node = node;
    this.sampler = sampler;
    this.ring = new HistoryRing(settings.points());
    this.clock = clock;
    // A first point at once, so the history is never empty while the node runs.
    sample();
    context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessageEquals(Sample.INSTANCE, this::onSample)
        .onMessage(Since.class, this::onSince)
        .build();
  }

  private Behavior<Command> onSample() {
    sample();
    return this;
  }

  private Behavior<Command> onSince(Since since) {
    since
        .replyTo()
        .tell(new Points(node, ring.since(since.sinceMs(), new SeriesFilter(since.series()))));
    return this;
  }

  private void sample() {
    ring.add(clock.millis(), sampler.sample());
  }
}
