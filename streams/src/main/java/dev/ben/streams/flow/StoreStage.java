package dev.ben.streams.flow;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The last stage: groups events into batches (by size or after an interval, whichever comes first) and hands one
 * batch at a time to a {@link BatchWriter} on a blocking executor. Only one batch is in flight, so a slow store
 * backpressures the whole pipeline instead of piling batches up in memory. A failed batch is retried with capped
 * exponential backoff (the writer is idempotent per event id) and each failure is counted, so an outage stalls the
 * pipeline visibly instead of losing events.
 */
public final class StoreStage {

  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private StoreStage() {}

  public static Sink<Envelope, NotUsed> sink(
      StageCounters counters,
      int batchSize,
      Duration interval,
      BatchWriter writer,
      Executor blocking,
      ClassicActorSystemProvider system) {
    LongAdder failures = counters.registry().counter(
        "ben_store_write_failures_total", "Batches the store refused or failed to take; each is retried.",
        Labels.of("pipeline", counters.pipeline()));
    return Flow.<Envelope>create()
        .map(e -> {
          counters.accepted();
          return e;
        })
        .groupedWithin(batchSize, interval)
        .mapAsync(1, batch -> Patterns.retry(
            () -> CompletableFuture.supplyAsync(() -> write(writer, batch, failures), blocking),
            Integer.MAX_VALUE, MIN_BACKOFF, MAX_BACKOFF, 0.2, system))
        .map(stored -> {
          counters.count(Outcome.STORED, "", stored);
          return Done.getInstance();
        })
        .to(Sink.ignore());
  }

  private static int write(BatchWriter writer, List<Envelope> batch, LongAdder failures) {
    try {
      writer.write(batch);
      return batch.size();
    } catch (Exception e) {
      failures.increment();
      throw new StoreWriteException("writing a batch of " + batch.size() + " events failed: " + e.getMessage(), e);
    }
  }

  /** A batch the store did not take; the owning actor's supervision decides what happens next. */
  public static final class StoreWriteException extends RuntimeException {
    public StoreWriteException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
