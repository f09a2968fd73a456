package dev.ben.streams.wal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One pipeline's part of the node's {@link IngestWal}: requests append to it, the stages settle its
 * events (each entry is forgotten once, whichever stage settles it), and a starting pipeline
 * replays what it still holds. It knows every entry it holds and its size, so the log's bound and
 * gauges are exact and a settled entry is never replayed, even before its delete reaches the disk.
 * When the node acks on outcomes, each logged event has a waiter its settlement completes.
 *
 * <p>Events positioned early ({@link #position}) may settle before their write is done: until it
 * is, their entry here is a marker, {@link #PENDING} or (settled meanwhile) {@link #SETTLED}, and
 * the writer trims a settled one as soon as it is written, so its delete follows its put.
 */
public final class PipelineWal implements IngestLog, Settlement {

  /** Entries read from disk at a time while replaying. */
  private static final int REPLAY_PAGE = 1024;

  /** An early entry whose write is not done. */
  private static final int PENDING = -1;

  /** An early entry that settled before its write was done. */
  private static final int SETTLED = -2;

  private final IngestWal wal;
  private final byte[] prefix;
  private final IngestWal.Options options;
  private final ObjectMapper mapper;
  private final Map<Long, Integer> held = new ConcurrentHashMap<>();
  private final Map<Long, CompletableFuture<Void>> waiters = new ConcurrentHashMap<>();
  private final AtomicLong heldBytes = new AtomicLong();
  private final AtomicLong next = new AtomicLong();
  private final CounterDataPoint recovered;

  PipelineWal(
      IngestWal wal,
      String pipeline,
      IngestWal.Options options,
      ObjectMapper mapper,
      MetricsRegistry metrics) {
    this.wal = wal;
    this.prefix = WalRecord.prefix(pipeline);
    this.options = options;
    this.mapper = mapper;
    Labels labels = Labels.of("pipeline", pipeline);
    this.recovered =
        metrics.counter(
            "ben_wal_recovered_total",
            "Events replayed from the ingest log into their pipeline after a restart.",
            labels);
    metrics.gauge(
        "ben_wal_entries",
        "Accepted events the ingest log holds until their outcome is final.",
        labels,
        held::size);
    metrics.gauge("ben_wal_bytes", "Bytes of events the ingest log holds.", labels, heldBytes::get);
  }

  @Override
  public CompletionStage<List<Envelope>> append(List<Envelope> events) {
    return append(events, null);
  }

  @Override
  public CompletionStage<List<Envelope>> append(
      List<Envelope> events, List<? extends SentBytes> sent) {
    return wal.log(this, events, sent, false).durable();
  }

  @Override
  public Positioned position(List<Envelope> events, List<? extends SentBytes> sent) {
    return wal.log(this, events, sent, true);
  }

  @Override
  public boolean awaitsOutcomes() {
    return options.awaitOutcomes();
  }

  @Override
  public CompletionStage<Long> confirmed(long[] sequences) {
    if (!options.awaitOutcomes()) {
      return CompletableFuture.completedFuture((long) sequences.length);
    }
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (long sequence : sequences) {
      CompletableFuture<Void> waiter = waiters.get(sequence);
      if (waiter != null) {
        waiting.add(waiter);
      }
    }
    return CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new))
        .completeOnTimeout(null, options.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(
            settledOrNot -> {
              long unsettled = waiting.stream().filter(w -> !w.isDone()).count();
              for (long sequence : sequences) {
                waiters.remove(sequence);
              }
              return sequences.length - unsettled;
            });
  }

  @Override
  public void forget(List<Envelope> events) {
    settled(events);
  }

  @Override
  public void settled(Envelope event) {
    if (!event.isLogged()) {
      return;
    }
    long sequence = event.walSequence();
    Integer size = held.get(sequence);
    if (size != null && size < 0) {
      // Not written yet: the writer trims it once it is, unless that happened meanwhile.
      size = held.compute(sequence, (at, entry) -> entry != null && entry < 0 ? SETTLED : entry);
    }
    if (size != null && size > 0 && held.remove(sequence, size)) {
      heldBytes.addAndGet(-size);
      wal.trim(this, sequence, size);
    }
    if (options.awaitOutcomes()) {
      CompletableFuture<Void> waiter = waiters.remove(event.walSequence());
      if (waiter != null) {
        waiter.complete(null);
      }
    }
  }

  /**
   * Entries held now; what a starting pipeline must process again (and, for a moment, early ones
   * being written).
   */
  public int entries() {
    return held.size();
  }

  /**
   * Every entry held when this is materialised, oldest first, as the envelope it was logged from
   * (same event id and log position), read page by page on {@code blocking}; each is counted
   * recovered. Entries appended meanwhile are not included: a pipeline replays before it takes new
   * events.
   */
  public Source<Envelope, NotUsed> replay(Executor blocking) {
    return Source.lazySource(
            () -> {
              long below = next.get();
              return Source.unfoldAsync(
                  0L, from -> CompletableFuture.supplyAsync(() -> page(from, below), blocking));
            })
        .mapConcat(page -> page)
        .map(
            event -> {
              recovered.inc();
              return event;
            })
        .mapMaterializedValue(unused -> NotUsed.getInstance());
  }

  private Optional<Pair<Long, List<Envelope>>> page(long from, long below) {
    List<Envelope> page = new ArrayList<>();
    long last = -1;
    for (var entry : wal.scan(this, from, REPLAY_PAGE)) {
      long sequence = WalRecord.sequence(entry.getKey());
      if (sequence >= below) {
        break;
      }
      last = sequence;
      Integer size = held.get(sequence);
      if (size != null && size > 0) {
        page.add(WalRecord.decode(entry.getValue(), sequence, mapper));
      }
    }
    return last < 0 ? Optional.empty() : Optional.of(Pair.create(last + 1, page));
  }

  byte[] prefix() {
    return prefix;
  }

  /** Bytes of one entry's key. */
  int keyBytes() {
    return prefix.length + Long.BYTES;
  }

  /** The next entry's position, given as it is appended. */
  long nextSequence() {
    return next.getAndIncrement();
  }

  /** An entry an earlier run left behind. */
  void recovered(long sequence, int size) {
    held.put(sequence, size);
    heldBytes.addAndGet(size);
    next.accumulateAndGet(sequence + 1, Math::max);
  }

  /** Early entries, before their write is queued. */
  void pending(List<Envelope> events) {
    for (Envelope event : events) {
      held.put(event.walSequence(), PENDING);
    }
  }

  /** Entries whose write failed: early ones are forgotten (nothing was added for the others). */
  void notWritten(List<Envelope> events) {
    for (Envelope event : events) {
      held.computeIfPresent(event.walSequence(), (at, entry) -> entry < 0 ? null : entry);
    }
  }

  /** Entries now durable; called by the writer before the request hears of them. */
  void held(List<Envelope> events, List<byte[]> values, int keyBytes) {
    long added = 0;
    for (int i = 0; i < events.size(); i++) {
      int size = values.get(i).length + keyBytes;
      long sequence = events.get(i).walSequence();
      if (options.awaitOutcomes()) {
        waiters.put(sequence, new CompletableFuture<>());
      }
      Integer before = held.put(sequence, size);
      boolean trimmed = before != null && before == SETTLED && settledWhileWritten(sequence, size);
      if (!trimmed) {
        // Counted even when a second settlement took it meanwhile: that one subtracted it.
        added += size;
      }
    }
    // Once for the group: the settling stages update the same counter for every event.
    heldBytes.addAndGet(added);
  }

  /**
   * An early entry settled before it was written: forgotten now that its put precedes the trim.
   * False when a second settlement already took it.
   */
  private boolean settledWhileWritten(long sequence, int size) {
    CompletableFuture<Void> waiter = waiters.remove(sequence);
    if (waiter != null) {
      waiter.complete(null);
    }
    if (!held.remove(sequence, size)) {
      return false;
    }
    wal.trim(this, sequence, size);
    return true;
  }
}
