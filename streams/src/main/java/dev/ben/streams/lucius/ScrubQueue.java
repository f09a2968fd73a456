package dev.ben.streams.lucius;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.SpillBuffer;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import java.util.List;
import java.util.Optional;

/**
 * One pipeline's queue of events waiting for the scrub, on disk in the node's RocksDB (so a restart
 * loses none), in arrival order and bounded in bytes: an event that would pass the bound is not
 * taken, and the spine refuses it with {@link #FULL}. The depth is published as gauges {@code
 * ben_lucius_queue_events} and {@code ben_lucius_queue_bytes}. Events are queued as the spine
 * leaves them (redacted), never in clear. Offered to by the spine's stage only; the gauges read its
 * totals from other threads.
 */
public final class ScrubQueue implements ScrubRoute {

  /** The kind of spill buffer the queue is kept in. */
  public static final String KIND = "lucius";

  /** Refusal reason when the queue is at its bound. */
  public static final String FULL = "scrub queue full";

  /** The routed counter's reason. */
  public static final String ROUTE = "lucius";

  private final SpillBuffer queue;
  private volatile long events;
  private volatile long bytes;

  public ScrubQueue(
      RocksIndex index,
      String pipeline,
      long maxBytes,
      ObjectMapper mapper,
      MetricsRegistry metrics) {
    this.queue = new SpillBuffer(index, KIND, pipeline, maxBytes, mapper);
    publish();
    Labels labels = Labels.of("pipeline", pipeline);
    metrics.gauge(
        "ben_lucius_queue_events", "Events waiting for the Lucius scrub.", labels, () -> events);
    metrics.gauge(
        "ben_lucius_queue_bytes", "Bytes waiting for the Lucius scrub.", labels, () -> bytes);
  }

  /** Queues the event behind the others; false (nothing queued) when it would pass the bound. */
  @Override
  public boolean offer(Envelope event) {
    boolean taken = queue.push(List.of(event));
    publish();
    return taken;
  }

  /** The event waiting longest, for the scrub. */
  public Optional<Envelope> oldest() {
    return queue.oldest().map(spilled -> spilled.batch().get(0));
  }

  /** Forgets the oldest event once the scrub has judged it. */
  public void removeOldest() {
    queue.oldest().ifPresent(queue::remove);
    publish();
  }

  public long events() {
    return events;
  }

  public long bytes() {
    return bytes;
  }

  private void publish() {
    events = queue.batches();
    bytes = queue.bytes();
  }
}
