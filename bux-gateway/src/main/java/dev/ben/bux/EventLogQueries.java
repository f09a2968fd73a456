package dev.ben.bux;

import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.eventlog.query.Decisions;
import dev.ben.streams.eventlog.query.EventPage;
import dev.ben.streams.eventlog.query.EventQuery;
import dev.ben.streams.eventlog.query.Lineage;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The event log as ben_api reads it ({@code /api/v1/eventlog}, {@code /api/v1/decisions}): the
 * hosting node answers off the gateway's threads, failing with a {@link
 * java.util.concurrent.TimeoutException} when the log does not answer in time.
 */
public interface EventLogQueries {

  CompletionStage<EventPage> search(EventQuery query);

  CompletionStage<Optional<StoredEvent>> event(String eventId);

  /** The lineage of an event, or of the decisions taken on a stored event of that id. */
  CompletionStage<Optional<Lineage>> tree(String eventId);

  /** Firings and suppressions about the pipeline (any when null) since a time, with signals. */
  CompletionStage<Decisions.Page> decisions(
      String pipeline, long sinceMillis, long fromPosition, int limit);
}
