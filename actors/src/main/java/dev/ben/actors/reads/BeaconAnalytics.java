package dev.ben.actors.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.bux.api.ReadFailure;
import dev.ben.bux.socket.SnapshotPort;
import dev.ben.bux.socket.TopicFilter;
import dev.ben.config.AnalyticsSettings;
import dev.ben.streams.store.StoreException;
import dev.ben.streams.store.analytics.BeaconQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The {@code analytics} topic's source and {@code /api/v1/analytics}'s: every beacon pipeline's
 * figures over the last {@code ben.gateway.analytics-window} of stored events, read from the store
 * (so they are the cluster's, and survive restarts) on the blocking executor. One read serves every
 * subscriber and request for {@code ben.gateway.counters-interval}; filter {@code pipeline} picks
 * one pipeline's figures from it. A read that takes longer than {@code ben.gateway.read-timeout}
 * fails as UNAVAILABLE, a pipeline that takes no beacons as NOT_FOUND.
 */
public final class BeaconAnalytics implements SnapshotPort {

  private record Read(long atMillis, CompletableFuture<ObjectNode> body) {}

  private final Supplier<CompletionStage<Map<String, List<BeaconQuery.Table>>>> pipelines;
  private final BeaconQuery query;
  private final Executor blocking;
  private final AnalyticsSettings settings;
  private final Duration reuseFor;
  private final Duration readTimeout;
  private final Clock clock;
  private final AnalyticsBody render;
  private Read last;

  /**
   * @param pipelines the beacon pipelines and their tables, by name
   * @param reuseFor how long one read answers every caller
   */
  public BeaconAnalytics(
      Supplier<CompletionStage<Map<String, List<BeaconQuery.Table>>>> pipelines,
      BeaconQuery query,
      Executor blocking,
      AnalyticsSettings settings,
      Duration reuseFor,
      Duration readTimeout,
      Clock clock,
      ObjectMapper mapper) {
    this.pipelines = pipelines;
    this.query = query;
    this.blocking = blocking;
    this.settings = settings;
    this.reuseFor = reuseFor;
    this.readTimeout = readTimeout;
    this.clock = clock;
    this.render = new AnalyticsBody(mapper, settings.window());
  }

  /** Over the ledger's active versions. */
  public static Supplier<CompletionStage<Map<String, List<BeaconQuery.Table>>>> fromLedger(
      LedgerAsks ledger) {
    return new BeaconPipelines(ledger)::active;
  }

  @Override
  public CompletionStage<JsonNode> read(TopicFilter filter) {
    return recent()
        .thenApply(body -> filter.get("pipeline").map(name -> render.one(body, name)).orElse(body));
  }

  /** The last read while it is fresh (or still running), else a new one. */
  private synchronized CompletableFuture<ObjectNode> recent() {
    long now = clock.millis();
    if (last == null || now - last.atMillis() >= reuseFor.toMillis()) {
      last = new Read(now, readAll(now));
    }
    return last.body();
  }

  private CompletableFuture<ObjectNode> readAll(long now) {
    long fromSeconds = Math.floorDiv(now - settings.window().toMillis(), 1000);
    return pipelines
        .get()
        .toCompletableFuture()
        .thenCompose(
            beacons -> CompletableFuture.supplyAsync(() -> figures(beacons, fromSeconds), blocking))
        .thenApply(figures -> render.all(now, figures))
        .orTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            failure -> {
              throw failed(failure);
            });
  }

  private Map<String, BeaconQuery.Figures> figures(
      Map<String, List<BeaconQuery.Table>> beacons, long fromSeconds) {
    Map<String, BeaconQuery.Figures> figures = new TreeMap<>();
    beacons.forEach(
        (pipeline, tables) ->
            figures.put(pipeline, query.read(tables, fromSeconds, settings.top())));
    return figures;
  }

  private ReadFailure failed(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof ReadFailure read) {
      return read;
    }
    if (cause instanceof TimeoutException) {
      return new ReadFailure(
          ReadFailure.Kind.UNAVAILABLE,
          "web analytics were not read within "
              + readTimeout.toMillis()
              + " ms (ben.gateway.read-timeout); the store may be busy, try again");
    }
    String what = cause instanceof StoreException ? "the store" : "reading web analytics";
    return new ReadFailure(
        ReadFailure.Kind.UNAVAILABLE,
        what + " failed (" + cause.getMessage() + "); try again shortly",
        cause);
  }
}
