package dev.ben.streams.wal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's write-ahead log of accepted events, in a RocksDB directory of its own. One writer
 * thread drains the appends waiting at that moment, from every request and pipeline, into one write
 * (synced when configured): group commit, so concurrent requests share a flush. Trims of settled
 * events ride along with the next write, or go alone (unsynced: a lost trim is only a replay) once
 * {@code trimBatch} wait or {@code trimInterval} passed. The bound on bytes is taken, and each
 * event's position given, when an append is asked for, so a full log refuses before anything waits
 * and an invoked event can be decided while its write syncs ({@link IngestLog#position}).
 */
public final class IngestWal implements AutoCloseable {

  /** How the log behaves (ben.wal and the ack of ben.ingest). */
  public record Options(
      long maxBytes,
      boolean sync,
      Duration trimInterval,
      int trimBatch,
      boolean awaitOutcomes,
      Duration ackTimeout) {}

  /** Appends written together at most, so one write stays a bounded size. */
  private static final int MAX_GROUP = 512;

  private static final int SCAN_PAGE = 4096;

  private record Append(
      PipelineWal pipeline,
      List<Envelope> events,
      List<byte[]> values,
      int bytes,
      CompletableFuture<List<Envelope>> done) {}

  /** Wakes the writer without an append: trims are due, or the log closes. */
  private static final Append WAKE = new Append(null, List.of(), List.of(), 0, null);

  private final RocksIndex index;
  private final ObjectMapper mapper;
  private final Options options;
  private final MetricsRegistry metrics;
  private final AtomicLong bytes = new AtomicLong();
  private final Map<String, PipelineWal> pipelines = new ConcurrentHashMap<>();
  private final BlockingQueue<Append> appends = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<TrimRanges.Trim> trims = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingTrims = new AtomicInteger();
  private final Thread writer;
  private volatile boolean closed;

  private IngestWal(
      RocksIndex index, Options options, ObjectMapper mapper, MetricsRegistry metrics) {
    this.index = index;
    this.options = options;
    this.mapper = mapper;
    this.metrics = metrics;
    recover();
    this.writer = new Thread(this::writeLoop, "ben-wal-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Opens the log in {@code dir}, finding what an earlier run left in it. */
  public static IngestWal open(
      Path dir, Options options, ObjectMapper mapper, MetricsRegistry metrics) {
    return new IngestWal(RocksIndex.openForSyncedAppends(dir), options, mapper, metrics);
  }

  /** The log of one pipeline on this node. */
  public PipelineWal pipeline(String name) {
    return pipelines.computeIfAbsent(name, n -> new PipelineWal(this, n, options, mapper, metrics));
  }

  /** Bytes the log holds, all pipelines together. */
  public long bytes() {
    return bytes.get();
  }

  /**
   * Positions the events at once and queues their write. {@code sent}: each event's body as the
   * bytes it was parsed from, or null to write it out. {@code early}: the events may settle before
   * their write is done ({@link IngestLog#position}), so the pipeline's log remembers them until it
   * is.
   */
  IngestLog.Positioned log(
      PipelineWal pipeline, List<Envelope> events, List<? extends SentBytes> sent, boolean early) {
    if (events.isEmpty()) {
      CompletionStage<List<Envelope>> none = CompletableFuture.completedFuture(events);
      return new IngestLog.Positioned(none, none);
    }
    List<byte[]> values = new ArrayList<>(events.size());
    int size = 0;
    for (int i = 0; i < events.size(); i++) {
      Envelope event = events.get(i);
      byte[] value =
          sent == null ? WalRecord.encode(event, mapper) : WalRecord.encode(event, sent.get(i));
      values.add(value);
      size += value.length + pipeline.keyBytes();
    }
    if (closed) {
      return refused(WalRefusedException.WRITE_FAILED, events.size());
    }
    if (bytes.addAndGet(size) > options.maxBytes()) {
      bytes.addAndGet(-size);
      return refused(WalRefusedException.FULL, events.size());
    }
    List<Envelope> positioned = new ArrayList<>(events.size());
    for (Envelope event : events) {
      positioned.add(event.logged(pipeline.nextSequence()));
    }
    if (early) {
      pipeline.pending(positioned);
    }
    Append append = new Append(pipeline, positioned, values, size, new CompletableFuture<>());
    appends.add(append);
    if (closed && !writer.isAlive()) {
      // The writer stopped before it saw this append.
      appends.remove(append);
      refuseClosed(append);
    }
    return new IngestLog.Positioned(
        early ? CompletableFuture.completedFuture(positioned) : append.done(), append.done());
  }

  private static IngestLog.Positioned refused(String reason, int events) {
    CompletionStage<List<Envelope>> refused =
        CompletableFuture.failedFuture(new WalRefusedException(reason, events, null));
    return new IngestLog.Positioned(refused, refused);
  }

  /** Forgets an entry whose event settled; its bytes are free at once, its delete is batched. */
  void trim(PipelineWal pipeline, long sequence, int size) {
    bytes.addAndGet(-size);
    trims.add(new TrimRanges.Trim(pipeline, sequence));
    if (pendingTrims.incrementAndGet() == options.trimBatch()) {
      appends.add(WAKE);
    }
  }

  /** Up to {@code limit} entries of a pipeline from {@code from}, as stored (unfiltered). */
  List<Map.Entry<byte[], byte[]>> scan(PipelineWal pipeline, long from, int limit) {
    return index.scan(pipeline.prefix(), WalRecord.key(pipeline.prefix(), from), limit);
  }

  private void recover() {
    byte[] from = new byte[0];
    for (var page = index.scan(from, from, SCAN_PAGE);
        !page.isEmpty();
        page = index.scan(new byte[0], from, SCAN_PAGE)) {
      for (Map.Entry<byte[], byte[]> entry : page) {
        byte[] key = entry.getKey();
        int size = key.length + entry.getValue().length;
        pipeline(WalRecord.pipeline(key)).recovered(WalRecord.sequence(key), size);
        bytes.addAndGet(size);
        // The smallest key after this one.
        from = Arrays.copyOf(key, key.length + 1);
      }
    }
  }

  private void writeLoop() {
    List<Append> group = new ArrayList<>();
    long lastTrim = System.nanoTime();
    while (!closed || !appends.isEmpty()) {
      try {
        Append first = appends.poll(options.trimInterval().toNanos(), TimeUnit.NANOSECONDS);
        if (first != null) {
          group.add(first);
          appends.drainTo(group, MAX_GROUP);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      group.removeIf(append -> append == WAKE);
      long now = System.nanoTime();
      boolean trimsDue =
          pendingTrims.get() >= options.trimBatch()
              || now - lastTrim >= options.trimInterval().toNanos()
              || closed;
      if (!group.isEmpty() || (trimsDue && pendingTrims.get() > 0)) {
        write(group);
        lastTrim = now;
      }
      group.clear();
    }
    if (pendingTrims.get() > 0 && !Thread.currentThread().isInterrupted()) {
      write(List.of());
    }
    appends.forEach(this::refuseClosed);
  }

  private void refuseClosed(Append append) {
    if (append != WAKE) {
      bytes.addAndGet(-append.bytes());
      append.pipeline().notWritten(append.events());
      append
          .done()
          .completeExceptionally(
              new WalRefusedException(
                  WalRefusedException.WRITE_FAILED, append.events().size(), null));
    }
  }

  private void write(List<Append> group) {
    int count = 0;
    for (Append append : group) {
      count += append.events().size();
    }
    List<Map.Entry<byte[], byte[]>> puts = new ArrayList<>(count);
    for (Append append : group) {
      for (int i = 0; i < append.events().size(); i++) {
        long sequence = append.events().get(i).walSequence();
        puts.add(
            new SimpleImmutableEntry<>(
                WalRecord.key(append.pipeline().prefix(), sequence), append.values().get(i)));
      }
    }
    List<TrimRanges.Trim> settled = new ArrayList<>(Math.max(16, pendingTrims.get()));
    for (TrimRanges.Trim trim = trims.poll(); trim != null; trim = trims.poll()) {
      settled.add(trim);
    }
    pendingTrims.addAndGet(-settled.size());
    TrimRanges.Deletes deletes = TrimRanges.of(settled);
    try {
      index.write(puts, deletes.keys(), deletes.ranges(), options.sync() && !puts.isEmpty());
    } catch (RuntimeException e) {
      for (Append append : group) {
        bytes.addAndGet(-append.bytes());
        append.pipeline().notWritten(append.events());
        append
            .done()
            .completeExceptionally(
                new WalRefusedException(
                    WalRefusedException.WRITE_FAILED, append.events().size(), e));
      }
      return;
    }
    for (Append append : group) {
      append.pipeline().held(append.events(), append.values(), append.pipeline().keyBytes());
      append.done().complete(append.events());
    }
  }

  /** Stops the writer once the appends already asked for are written, then closes the index. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    appends.add(WAKE);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    index.close();
  }
}
