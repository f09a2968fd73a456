package dev.ben.streams.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.wal.IngestLog;
import dev.ben.streams.wal.WalRefusedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.pf.PFBuilder;
import org.apache.pekko.stream.BackpressureTimeoutException;
import org.apache.pekko.stream.Graph;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * Runs one NDJSON request body into a pipeline's ingress. Lines are parsed as they stream in;
 * refused lines are counted and reported while good lines go on. The ingress backpressures, so a
 * full pipeline slows the reading of the request (and the client's TCP window); if no room appears
 * within the offer timeout the request stops there and the report says the pipeline is overloaded
 * and from which line to resend. Every line read is either accepted or refused, never lost. An
 * event is accepted once the pipeline's {@link IngestLog} holds it (and it was handed to the
 * pipeline), so an answer never counts an event a crash of the node could lose.
 */
public final class NdjsonIngest {

  private final EventParser parser;
  private final int maxLineBytes;
  private final Duration offerTimeout;
  private final StageCounters counters;
  private final IngestLog log;

  /** Events logged together at most: what arrived while the previous group was being written. */
  private static final int LOG_GROUP = 1024;

  /** Without an ingest log: an event is accepted once handed to the pipeline. */
  public NdjsonIngest(
      ObjectMapper mapper, int maxLineBytes, Duration offerTimeout, StageCounters counters) {
    this(mapper, maxLineBytes, offerTimeout, counters, IngestLog.NONE);
  }

  /**
   * @param log holds accepted events before they enter the pipeline: only what it holds is counted
   *     and reported accepted
   */
  public NdjsonIngest(
      ObjectMapper mapper,
      int maxLineBytes,
      Duration offerTimeout,
      StageCounters counters,
      IngestLog log) {
    this.parser = new EventParser(mapper, maxLineBytes);
    this.maxLineBytes = maxLineBytes;
    this.offerTimeout = offerTimeout;
    this.counters = counters;
    this.log = log;
  }

  public CompletionStage<IngestReport> ingest(
      Source<ByteString, ?> body,
      String pipeline,
      String app,
      Sink<Envelope, NotUsed> ingress,
      Materializer mat) {
    Tally tally = new Tally(log.awaitsOutcomes());
    LineSplitter splitter = new LineSplitter(maxLineBytes);
    return body.map(java.util.Optional::of)
        .concat(Source.single(java.util.Optional.<ByteString>empty()))
        .mapConcat(chunk -> chunk.map(splitter::feed).orElseGet(splitter::finish))
        .map(line -> parser.parse(line, pipeline, app, System.currentTimeMillis()))
        .filter(parsed -> tally.keep(parsed, counters))
        .map(parsed -> ((EventParser.Accepted) parsed).envelope())
        .backpressureTimeout(offerTimeout)
        // A saturated pipeline ends this request's stream normally: failing it would fail the
        // shared ingress hub.
        .recoverWithRetries(
            1,
            BackpressureTimeoutException.class,
            () -> {
              tally.overloaded = true;
              return Source.empty();
            })
        // Recovered before the log, so a group it is writing still reaches the pipeline.
        .via(durable(tally))
        .map(envelope -> tally.accept(envelope, counters))
        .watchTermination(Keep.right())
        .to(ingress)
        .run(mat)
        .handle((done, failure) -> tally.report(failure))
        .thenCompose(report -> log.confirmed(tally.sequences()).thenApply(report::confirmed));
  }

  /**
   * Logs events in groups (whatever arrived while the last group was written) and lets through only
   * what the log holds. A group the log refuses ends the request like a full pipeline does: counted
   * refused under the log's reason, and the answer says from which line to resend.
   */
  private Flow<Envelope, Envelope, NotUsed> durable(Tally tally) {
    return Flow.<Envelope>create()
        .batch(
            LOG_GROUP,
            first -> {
              List<Envelope> group = new ArrayList<>();
              group.add(first);
              return group;
            },
            (group, next) -> {
              group.add(next);
              return group;
            })
        .mapAsync(1, log::append)
        .recoverWithRetries(
            1,
            new PFBuilder<Throwable, Graph<SourceShape<List<Envelope>>, NotUsed>>()
                .match(
                    WalRefusedException.class,
                    refusal -> {
                      tally.overloaded = true;
                      tally.refusedByLog(refusal, counters);
                      return Source.empty();
                    })
                .build())
        .mapConcat(group -> group);
  }

  /**
   * Per-request accumulation; touched only by the request's own (single-threaded, fused) stream.
   */
  private static final class Tally {
    long accepted;
    long refused;
    long lastLine;
    boolean overloaded;
    final java.util.ArrayDeque<Long> waiting = new java.util.ArrayDeque<>();
    final boolean keepSequences;
    long[] sequences = new long[0];

    Tally(boolean keepSequences) {
      this.keepSequences = keepSequences;
    }

    final List<EventParser.Refused> listed = new ArrayList<>();

    boolean keep(EventParser.Parsed parsed, StageCounters counters) {
      lastLine = parsed.line();
      if (parsed instanceof EventParser.Refused refusal) {
        refused++;
        counters.count(Outcome.REFUSED, refusal.reason());
        if (listed.size() < IngestReport.MAX_LISTED_REFUSALS) {
          listed.add(refusal);
        }
        return false;
      }
      if (parsed instanceof EventParser.Accepted) {
        waiting.addLast(parsed.line());
        return true;
      }
      return false;
    }

    Envelope accept(Envelope envelope, StageCounters counters) {
      waiting.pollFirst();
      if (keepSequences) {
        if (accepted == sequences.length) {
          sequences = java.util.Arrays.copyOf(sequences, Math.max(16, sequences.length * 2));
        }
        sequences[(int) accepted] = envelope.walSequence();
      }
      accepted++;
      counters.accepted();
      return envelope;
    }

    /** The log's refused group: its events stay waiting, so the client resends from the first. */
    void refusedByLog(WalRefusedException refusal, StageCounters counters) {
      counters.count(Outcome.REFUSED, refusal.reason(), refusal.events());
    }

    long[] sequences() {
      return java.util.Arrays.copyOf(sequences, keepSequences ? (int) accepted : 0);
    }

    IngestReport report(Throwable failure) {
      if (failure != null) {
        throw new IngestFailedException(
            failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause()
                : failure);
      }
      // Parsed events that never entered the pipeline are waiting in a stage buffer; the client
      // resends from the
      // first of them, or from the first line not parsed at all.
      long resumeFrom = waiting.isEmpty() ? lastLine + 1 : waiting.peekFirst();
      return new IngestReport(accepted, refused, listed, overloaded ? resumeFrom : 0);
    }
  }

  /** The request body could not be read to the end (client went away, transport error). */
  public static final class IngestFailedException extends RuntimeException {
    IngestFailedException(Throwable cause) {
      super("reading the request failed: " + cause.getMessage(), cause);
    }
  }
}
