package dev.ben.actors.invoke;

import dev.ben.streams.flow.Envelope;
import dev.ben.streams.wal.IngestLog;
import dev.ben.streams.wal.SentBytes;
import dev.ben.streams.wal.WalRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A log for {@link InvokerTest}: it positions every event at 42 and keeps the bytes each body was
 * sent as; its write is durable at once, later (when the test completes {@link #write}), or it
 * refuses every event as full.
 */
final class StandInLog implements IngestLog {

  static final long POSITION = 42;

  final List<Envelope> forgotten = new ArrayList<>();
  final List<String> sent = new ArrayList<>();

  /** The write of the positioned events, or null when the log holds them at once. */
  final CompletableFuture<List<Envelope>> write;

  private final boolean refuses;

  private StandInLog(CompletableFuture<List<Envelope>> write, boolean refuses) {
    this.write = write;
    this.refuses = refuses;
  }

  static StandInLog holding() {
    return new StandInLog(null, false);
  }

  static StandInLog writingLater() {
    return new StandInLog(new CompletableFuture<>(), false);
  }

  static StandInLog refusing() {
    return new StandInLog(null, true);
  }

  @Override
  public CompletionStage<List<Envelope>> append(List<Envelope> events) {
    if (refuses) {
      return CompletableFuture.failedFuture(
          new WalRefusedException(WalRefusedException.FULL, events.size(), null));
    }
    return CompletableFuture.completedFuture(positioned(events));
  }

  @Override
  public Positioned position(List<Envelope> events, List<? extends SentBytes> bodies) {
    bodies.forEach(
        body ->
            sent.add(
                new String(body.array(), body.offset(), body.length(), StandardCharsets.UTF_8)));
    if (write == null) {
      CompletionStage<List<Envelope>> appended = append(events);
      return new Positioned(appended, appended);
    }
    return new Positioned(CompletableFuture.completedFuture(positioned(events)), write);
  }

  private static List<Envelope> positioned(List<Envelope> events) {
    return events.stream().map(e -> e.logged(POSITION)).toList();
  }

  @Override
  public CompletionStage<Long> confirmed(long[] sequences) {
    return CompletableFuture.completedFuture(refuses ? 0L : sequences.length);
  }

  @Override
  public void forget(List<Envelope> events) {
    forgotten.addAll(events);
  }
}
