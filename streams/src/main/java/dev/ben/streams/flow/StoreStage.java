package dev.ben.streams.flow;

import dev.ben.streams.metrics.Buckets;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.metrics.StageLatency;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The last stage: groups events into batches (by size or after an interval, whichever comes first)
 * and hands one batch at a time to a {@link BatchWriter} on a blocking executor. A batch the store
 * does not take waits on disk in the {@link SpillBuffer} (counted as spilled), and so does every
 * later batch while older ones wait, so order is kept; every {@code drainEvery} the oldest waiting
 * batches are written again, and counted as stored once taken (the writer is idempotent per event
 * id, so a retried batch never duplicates). When the spill buffer is full, batches are refused and
 * counted ("spill full"). Each new batch's outcome is then final and told to the {@link
 * Settlement}. One operation at a time: writes and drains never race.
 */
public final class StoreStage {

  /** Refusal reason when the store is down and the spill buffer is full. */
  public static final String SPILL_FULL = "spill full";

  private final StageCounters counters;
  private final BatchWriter writer;
  private final SpillBuffer spill;
  private final Settlement settlement;
  private final CounterDataPoint failures;
  private final DistributionDataPoint batchSeconds;

  private StoreStage(
      StageCounters counters, BatchWriter writer, SpillBuffer spill, Settlement settlement) {
    this.counters = counters;
    this.writer = writer;
    this.spill = spill;
    this.settlement = settlement;
    this.failures =
        counters
            .registry()
            .counter(
                "ben_store_write_failures_total",
                "Batches the store refused or failed to take; each waits and is retried.",
                Labels.of("pipeline", counters.pipeline()));
    this.batchSeconds = StageLatency.of(counters);
  }

  public static Sink<Envelope, NotUsed> sink(
      StageCounters counters,
      int batchSize,
      Duration interval,
      Duration drainEvery,
      BatchWriter writer,
      SpillBuffer spill,
      Settlement settlement,
      Executor blocking) {
    return Flow.<Envelope>create()
        .map(
            e -> {
              counters.accepted();
              return e;
            })
        .to(
            acceptedUpstream(
                counters, batchSize, interval, drainEvery, writer, spill, settlement, blocking));
  }

  /**
   * The same stage for a graph that counts each event accepted as it hands it over (see {@code
   * dev.ben.streams.graph.PipelineGraph}), so the stage does not count it a second time.
   */
  public static Sink<Envelope, NotUsed> acceptedUpstream(
      StageCounters counters,
      int batchSize,
      Duration interval,
      Duration drainEvery,
      BatchWriter writer,
      SpillBuffer spill,
      Settlement settlement,
      Executor blocking) {
    StoreStage stage = new StoreStage(counters, writer, spill, settlement);
    Source<List<Envelope>, ?> drains = Source.tick(drainEvery, drainEvery, List.<Envelope>of());
    return Flow.<Envelope>create()
        .groupedWithin(batchSize, interval)
        .merge(drains, true)
        .mapAsync(1, batch -> CompletableFuture.runAsync(() -> stage.handle(batch), blocking))
        .to(Sink.ignore());
  }

  /**
   * The same stage for a graph that hands events over in batches, each counted accepted as it is
   * handed over: the batches are joined (split when one is larger) into the store's batches of up
   * to {@code batchSize} events, written as the single-event stage writes them.
   */
  public static Sink<List<Envelope>, NotUsed> batchesAcceptedUpstream(
      StoreStage.Batching batching,
      StageCounters counters,
      BatchWriter writer,
      SpillBuffer spill,
      Settlement settlement,
      Executor blocking) {
    StoreStage stage = new StoreStage(counters, writer, spill, settlement);
    int size = batching.size();
    Duration drainEvery = batching.drainEvery();
    Source<List<Envelope>, ?> drains = Source.tick(drainEvery, drainEvery, List.<Envelope>of());
    return Flow.<List<Envelope>>create()
        .mapConcat(batch -> batch.size() <= size ? List.of(batch) : StoreBatches.split(batch, size))
        .groupedWeightedWithin(size, batch -> (long) batch.size(), batching.interval())
        .map(StoreBatches::joined)
        .merge(drains, true)
        .mapAsync(1, batch -> CompletableFuture.runAsync(() -> stage.handle(batch), blocking))
        .to(Sink.ignore());
  }

  /**
   * How the store batches: up to {@code size} events, or what arrived within {@code interval};
   * batches waiting in the spill buffer are retried every {@code drainEvery}.
   */
  public record Batching(int size, Duration interval, Duration drainEvery) {}

  /**
   * An empty batch is the drain tick; any other is new events, whose outcome here is final: stored,
   * spilled or refused.
   */
  private void handle(List<Envelope> batch) {
    if (batch.isEmpty()) {
      drain();
      return;
    }
    long start = System.nanoTime();
    if (!spill.isEmpty() || !write(batch)) {
      park(batch);
    }
    settlement.settled(batch);
    batchSeconds.observe(Buckets.secondsSince(start));
  }

  private boolean write(List<Envelope> batch) {
    try {
      writer.write(batch);
      counters.count(Outcome.STORED, "", batch.size());
      return true;
    } catch (Exception e) {
      failures.inc();
      return false;
    }
  }

  private void park(List<Envelope> batch) {
    if (spill.push(batch)) {
      counters.count(Outcome.SPILLED, "", batch.size());
    } else {
      counters.count(Outcome.REFUSED, SPILL_FULL, batch.size());
    }
  }

  /** Writes the waiting batches oldest first, until the store fails again or none is left. */
  private void drain() {
    for (var oldest = spill.oldest(); oldest.isPresent(); oldest = spill.oldest()) {
      if (!write(oldest.get().batch())) {
        return;
      }
      spill.remove(oldest.get());
    }
  }
}
