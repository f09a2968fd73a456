package dev.ben.actors.reads;

import dev.ben.actors.ledger.VersionContents;
import dev.ben.bux.api.ReadFailure;
import dev.ben.bux.api.StoredEvents;
import dev.ben.streams.store.StoreException;
import dev.ben.streams.store.replica.ReplicaQuery;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Stored events of a pipeline from the replica tables its active version names (asked of the
 * ledger, so every node reads the same tables), queried on the blocking executor. A pipeline whose
 * contract stores without {@code replica on} has none, which the caller is told.
 */
public final class ReplicaEvents implements StoredEvents {

  private static final long MS_PER_SECOND = 1000;

  private final LedgerAsks ledger;
  private final ReplicaQuery replicas;
  private final Executor blocking;

  public ReplicaEvents(LedgerAsks ledger, ReplicaQuery replicas, Executor blocking) {
    this.ledger = ledger;
    this.replicas = replicas;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<EventPage> query(EventQuery query) {
    return ledger
        .contents(query.pipeline(), 0)
        .thenCompose(
            contents -> CompletableFuture.supplyAsync(() -> read(contents, query), blocking));
  }

  private EventPage read(VersionContents contents, EventQuery query) {
    if (contents.replicaTables().isEmpty()) {
      throw new ReadFailure(
          ReadFailure.Kind.BAD_REQUEST,
          query.pipeline()
              + " keeps no front-end replica (its active version "
              + contents.version()
              + " stores without `replica on`), so its events cannot be queried here");
    }
    List<ReplicaQuery.Table> tables =
        contents.replicaTables().stream()
            .map(t -> new ReplicaQuery.Table(t.table(), t.keyFields()))
            .toList();
    ReplicaQuery.Page page;
    try {
      page = replicas.read(tables, filter(query));
    } catch (StoreException e) {
      throw new ReadFailure(
          ReadFailure.Kind.UNAVAILABLE, "the store did not answer: " + e.getMessage(), e);
    }
    return new EventPage(
        page.rows().stream().map(row -> event(query.pipeline(), row)).toList(),
        page.next().map(p -> new EventCursor(p.receivedAtSeconds() * MS_PER_SECOND, p.eventId())));
  }

  /** The store keeps whole seconds: the range is widened to the seconds it touches. */
  private static ReplicaQuery.Filter filter(EventQuery query) {
    long from = Math.floorDiv(query.from().toEpochMilli(), MS_PER_SECOND);
    long to = Math.floorDiv(query.to().toEpochMilli() + MS_PER_SECOND - 1, MS_PER_SECOND);
    return new ReplicaQuery.Filter(
        from,
        to,
        query.app(),
        query.rule(),
        query.action(),
        query.playbook(),
        query.key(),
        query.limit(),
        query
            .after()
            .map(
                c ->
                    new ReplicaQuery.Position(
                        Math.floorDiv(c.receivedAtMs(), MS_PER_SECOND), c.eventId())));
  }

  private static StoredEvent event(String pipeline, ReplicaQuery.Row row) {
    return new StoredEvent(
        row.eventId(),
        pipeline,
        row.app(),
        row.receivedAtSeconds() * MS_PER_SECOND,
        row.body(),
        row.decisions());
  }
}
