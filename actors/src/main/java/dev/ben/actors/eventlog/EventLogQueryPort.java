package dev.ben.actors.eventlog;

import dev.ben.bux.EventLogQueries;
import dev.ben.config.EventQuerySettings;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.eventlog.query.Decisions;
import dev.ben.streams.eventlog.query.EventHistory;
import dev.ben.streams.eventlog.query.EventPage;
import dev.ben.streams.eventlog.query.EventQuery;
import dev.ben.streams.eventlog.query.EventSearch;
import dev.ben.streams.eventlog.query.EventSource;
import dev.ben.streams.eventlog.query.Lineage;
import dev.ben.streams.eventlog.query.LineageTree;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * ben_api's reading of the node's event log: each query runs on the executor for blocking work and
 * fails with a timeout after {@code ben.eventlog.queries.timeout}, which the gateway answers 503.
 */
public final class EventLogQueryPort implements EventLogQueries {

  private final EventSource source;
  private final EventSearch search;
  private final LineageTree trees;
  private final Decisions decisions;
  private final EventQuerySettings settings;
  private final Executor blocking;

  /** {@code history}: what searches read with SQL before they read the log. */
  public EventLogQueryPort(
      EventSource source, EventHistory history, EventQuerySettings settings, Executor blocking) {
    this.source = source;
    this.search = new EventSearch(source, history, settings.maxScan());
    this.trees =
        new LineageTree(
            source, settings.treeMaxDepth(), settings.treeMaxNodes(), settings.maxScan());
    this.decisions = new Decisions(source, history, settings.maxScan());
    this.settings = settings;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<EventPage> search(EventQuery query) {
    return run(() -> search.find(query));
  }

  @Override
  public CompletionStage<Optional<StoredEvent>> event(String eventId) {
    return run(() -> source.get(eventId));
  }

  @Override
  public CompletionStage<Optional<Lineage>> tree(String eventId) {
    return run(() -> trees.of(eventId));
  }

  @Override
  public CompletionStage<Decisions.Page> decisions(
      String pipeline, long sinceMillis, long fromPosition, int limit) {
    return run(() -> decisions.find(pipeline, sinceMillis, fromPosition, limit));
  }

  private <T> CompletionStage<T> run(Supplier<T> query) {
    return CompletableFuture.supplyAsync(query, blocking)
        .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }
}
