package dev.ben.actors.backtest;

import dev.ben.contracts.backtest.Backtest;
import dev.ben.contracts.backtest.BacktestReport;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.replay.StoredEventPages;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A backtest over stored events, one step per {@link #next}: each step reads one page of one
 * schema's table (the active version's tables, schema after schema: detector state is per schema,
 * so their order does not matter), replays it and says how far the run got; the step after the last
 * page gives the report. Memory holds one page and the backtest's counts. Blocks: step it on a
 * blocking executor.
 */
public final class StoredReplay implements Iterator<StoredReplay.Step> {

  /** What one step produced. */
  public sealed interface Step {}

  /** Events replayed so far, of them changed, and the event time reached in {@code schema}. */
  public record Progress(long events, long changed, String schema, long reachedSeconds)
      implements Step {}

  public record Done(BacktestReport report) implements Step {}

  private final Backtest backtest;
  private final Deque<StoredEventPages> tables = new ArrayDeque<>();
  private final Deque<String> schemas = new ArrayDeque<>();
  private StoredEventPages.Position after;
  private boolean done;

  /**
   * Replays the events of the active version's schemas whose replay time is in [{@code
   * fromSeconds}, {@code toSeconds}).
   */
  public StoredReplay(
      Backtest backtest,
      ContractSet active,
      AnalyticalStore store,
      long fromSeconds,
      long toSeconds,
      int pageRows) {
    this.backtest = backtest;
    for (String schema : backtest.schemas()) {
      tables.add(
          new StoredEventPages(
              store, active.schema(schema).orElseThrow(), fromSeconds, toSeconds, pageRows));
      schemas.add(schema);
    }
  }

  @Override
  public boolean hasNext() {
    return !done;
  }

  @Override
  public Step next() {
    if (done) {
      throw new NoSuchElementException("the backtest is finished");
    }
    if (tables.isEmpty()) {
      done = true;
      return new Done(backtest.report());
    }
    String schema = schemas.peek();
    StoredEventPages.Page page = tables.peek().read(after);
    long reached = 0;
    for (StoredEventPages.StoredEvent event : page.events()) {
      backtest.replay(schema, event.eventId(), event.body().toString());
      reached = event.timeSeconds();
    }
    after = page.next().orElse(null);
    if (after == null) {
      tables.pop();
      schemas.pop();
    }
    return new Progress(backtest.events(), backtest.changed(), schema, reached);
  }
}
