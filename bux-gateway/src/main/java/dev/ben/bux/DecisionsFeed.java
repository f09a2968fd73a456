package dev.ben.bux;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ben.bux.socket.StreamPort;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.eventlog.query.EventQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The websocket's {@code decisions} topic, read from the event log the way ben_api's event-log
 * routes read it: playbook firings and suppressions and what became of their signals, each entry
 * once, in the log's order, with the pipeline and playbook it is about at its top level (the
 * topic's filter fields). Every {@code interval} it reads on from the position it got to, page
 * after page until it has caught up or holds a page's worth; a read that fails is tried again at
 * the next tick from the same position. The first read skips what was logged before it (the
 * Decisions view loads those from {@code /api/v1/decisions}); a feed reopened later goes on where
 * it stopped.
 */
final class DecisionsFeed implements StreamPort {

  static final Set<String> TYPES =
      Set.of(
          "playbook.fired",
          "playbook.suppressed",
          "signal.published",
          "signal.delivered",
          "signal.dropped");

  /** Entries one tick hands on at most; the rest follow at the next. */
  private static final int PAGE = EventLogParams.MAX_LIMIT;

  private final EventLogQueries log;
  private final EventLogJson json;
  private final Duration interval;
  private final LongSupplier clock;
  private final PlaybookOfSignals playbooks = new PlaybookOfSignals();
  private long position = -1;
  private long sinceMillis;

  DecisionsFeed(EventLogQueries log, EventLogJson json, Duration interval, LongSupplier clock) {
    this.log = log;
    this.json = json;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public Source<JsonNode, NotUsed> open() {
    return Source.tick(Duration.ZERO, interval, NotUsed.getInstance())
        .mapMaterializedValue(cancellable -> NotUsed.getInstance())
        .mapAsync(1, tick -> readOn().exceptionally(failure -> List.of()))
        .mapConcat(entries -> entries);
  }

  /** The entries logged since the last read. */
  CompletionStage<List<JsonNode>> readOn() {
    long from;
    long since;
    synchronized (this) {
      if (position < 0) {
        position = 0;
        sinceMillis = clock.getAsLong();
      }
      from = position;
      since = sinceMillis;
    }
    return pages(from, since, new ArrayList<>());
  }

  private CompletionStage<List<JsonNode>> pages(long from, long since, List<JsonNode> found) {
    return log.search(new EventQuery(TYPES, null, since, from, PAGE))
        .thenCompose(
            page -> {
              page.events().forEach(event -> found.add(entry(event)));
              boolean caughtUp = !page.more();
              moved(page.nextPosition(), caughtUp);
              return caughtUp || found.size() >= PAGE
                  ? CompletableFuture.completedFuture(found)
                  : pages(page.nextPosition(), since, found);
            });
  }

  private synchronized void moved(long next, boolean caughtUp) {
    position = Math.max(position, next);
    if (caughtUp) {
      // From here on the position alone says what is new, whatever the clocks of the writers.
      sinceMillis = 0;
    }
  }

  private JsonNode entry(StoredEvent event) {
    return json.decisionEntry(event, playbooks.of(event));
  }
}
