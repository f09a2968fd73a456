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
 * time, or for its newest point. It registers under {@link #KEY} so a gateway on any node finds it.
 */
public final class HistoryKeeper extends AbstractBehavior<HistoryKeeper.Command> {

  /** Keepers register under this key; a gateway's history port finds them through it. */
  public static final ServiceKey<Command> KEY =
      ServiceKey.create(Command.class, "ben-metrics-history");

  public sealed interface Command extends ClusterSerializable {}

  /** The points after {@code sinceMs} holding the series {@code series} names (empty: all). */
  public record Since(long sinceMs, Set<String> series, ActorRef<Points> replyTo)
      implements Command {}

  /**
   * The newest point alone, holding the series {@code series} names (empty: all): what a node's
   * counters are now, without the points before it.
   */
  public record Latest(Set<String> series, ActorRef<Points> replyTo) implements Command {}

  /** A node's answer: its address and its points, oldest first. */
  public record Points(String node, List<HistoryPoint> points) implements ClusterSerializable {}

  private enum Sample implements Command {
    INSTANCE
  }

  private final String node;
  private final MetricsSampler sampler;
  private final HistoryRing ring;
  private final Clock clock;
  private long lastSampledAt;

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
        .onMessage(Latest.class, this::onLatest)
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

  private Behavior<Command> onLatest(Latest latest) {
    // The clock may have stepped back since an earlier point: the newest is the last one added.
    List<HistoryPoint> points = ring.since(lastSampledAt - 1, new SeriesFilter(latest.series()));
    latest
        .replyTo()
        .tell(
            new Points(
                node, points.isEmpty() ? List.of() : List.of(points.get(points.size() - 1))));
    return this;
  }

  private void sample() {
    lastSampledAt = clock.millis();
    ring.add(lastSampledAt, sampler.sample());
  }
}
