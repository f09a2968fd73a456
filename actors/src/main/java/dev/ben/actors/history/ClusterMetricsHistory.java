package dev.ben.actors.history;

import dev.ben.bux.HistoryView;
import dev.ben.bux.MetricsHistory;
import dev.ben.bux.NodeHistory;
import dev.ben.config.HistorySettings;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * The gateway's history port: finds every node's {@link HistoryKeeper} through the receptionist,
 * asks each for its points (or its newest point) within {@code ben.gateway.history-timeout}, and
 * merges the answers. A node that does not answer in time is listed with the reason, never failing
 * the others' points.
 */
public final class ClusterMetricsHistory implements MetricsHistory {

  private final ActorSystem<?> system;
  private final HistorySettings settings;
  private final Clock clock;

  public ClusterMetricsHistory(ActorSystem<?> system, HistorySettings settings, Clock clock) {
    this.system = system;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public CompletionStage<HistoryView> since(long sinceMs, Set<String> seriesFilter) {
    return gather(replyTo -> new HistoryKeeper.Since(sinceMs, seriesFilter, replyTo));
  }

  @Override
  public CompletionStage<HistoryView> latest(Set<String> seriesFilter) {
    return gather(replyTo -> new HistoryKeeper.Latest(seriesFilter, replyTo));
  }

  private CompletionStage<HistoryView> gather(
      Function<ActorRef<HistoryKeeper.Points>, HistoryKeeper.Command> question) {
    return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
            system.receptionist(),
            replyTo -> Receptionist.find(HistoryKeeper.KEY, replyTo),
            settings.askTimeout(),
            system.scheduler())
        .thenCompose(listing -> ask(listing.getServiceInstances(HistoryKeeper.KEY), question))
        .thenApply(
            answers -> HistoryView.merge(clock.millis(), settings.interval().toMillis(), answers));
  }

  private CompletionStage<List<NodeHistory>> ask(
      Set<ActorRef<HistoryKeeper.Command>> keepers,
      Function<ActorRef<HistoryKeeper.Points>, HistoryKeeper.Command> question) {
    List<CompletableFuture<NodeHistory>> asks =
        keepers.stream().map(keeper -> ask(keeper, question)).toList();
    return CompletableFuture.allOf(asks.toArray(new CompletableFuture<?>[0]))
        .thenApply(done -> asks.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<NodeHistory> ask(
      ActorRef<HistoryKeeper.Command> keeper,
      Function<ActorRef<HistoryKeeper.Points>, HistoryKeeper.Command> question) {
    return AskPattern.<HistoryKeeper.Command, HistoryKeeper.Points>ask(
            keeper, question::apply, settings.askTimeout(), system.scheduler())
        .handle(
            (points, failure) ->
                failure == null
                    ? NodeHistory.answered(points.node(), points.points())
                    : NodeHistory.missing(nodeOf(keeper), reason(failure)))
        .toCompletableFuture();
  }

  private String reason(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    return cause instanceof TimeoutException
        ? "did not answer within " + settings.askTimeout().toMillis() + " ms"
        : "could not be asked: " + cause.getMessage();
  }

  /** The keeper's node address; a keeper on this node has a path without one. */
  private String nodeOf(ActorRef<?> keeper) {
    Address address = keeper.path().address();
    return address.hasGlobalScope() ? address.toString() : system.address().toString();
  }
}
