package dev.ben.streams.wal;

import dev.ben.streams.flow.Envelope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What an ingest request asks of its pipeline's log: hold these events before they are
 * acknowledged, and (when the node acks on outcomes) say how many of them reached their final
 * outcome in time.
 */
public interface IngestLog {

  /** Events given their log positions, and the moment their write is durable. */
  record Positioned(
      CompletionStage<List<Envelope>> events, CompletionStage<List<Envelope>> durable) {}

  /** A pipeline without a log: events pass unchanged, their outcome is not awaited. */
  IngestLog NONE =
      new IngestLog() {
        @Override
        public CompletionStage<List<Envelope>> append(List<Envelope> events) {
          return CompletableFuture.completedFuture(events);
        }

        @Override
        public CompletionStage<Long> confirmed(long[] sequences) {
          return CompletableFuture.completedFuture((long) sequences.length);
        }

        @Override
        public void forget(List<Envelope> events) {}
      };

  /**
   * Writes the events (all or none) and completes with them, each carrying its log position, once
   * they are durable; fails with {@link WalRefusedException} when the log is full or cannot write.
   */
  CompletionStage<List<Envelope>> append(List<Envelope> events);

  /**
   * {@link #append(List)}, where {@code sent} holds each event's body as the bytes it was parsed
   * from, which the log may keep instead of writing the body out again.
   */
  default CompletionStage<List<Envelope>> append(
      List<Envelope> events, List<? extends SentBytes> sent) {
    return append(events);
  }

  /**
   * Gives the events their log positions ({@code events}) and writes them meanwhile ({@code
   * durable}, failing with {@link WalRefusedException} when the write fails): they may enter the
   * pipeline, be decided and settle while the write syncs, so a request that waits for a decision
   * waits for the longer of the two rather than their sum. Nothing may be acknowledged before
   * {@code durable}. {@code events} fails when the log refuses them at once (full or closed). By
   * default a log positions events only once they are durable.
   */
  default Positioned position(List<Envelope> events, List<? extends SentBytes> sent) {
    CompletionStage<List<Envelope>> appended = append(events, sent);
    return new Positioned(appended, appended);
  }

  /**
   * How many of the logged events reached their final outcome, once all have or the ack timeout
   * passed; at once (all of them) unless the node acks on outcomes.
   */
  CompletionStage<Long> confirmed(long[] sequences);

  /**
   * Logged events the pipeline never took (the request stopped first): the client is told to resend
   * them, so the log must not replay them too.
   */
  void forget(List<Envelope> events);

  /** Whether {@link #confirmed} waits, so a request need only keep its sequences then. */
  default boolean awaitsOutcomes() {
    return false;
  }
}
