package dev.ben.streams.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.graph.PipelineGraph;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.wal.IngestLog;
import dev.ben.streams.wal.WalRefusedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 *
 * <p>A body that fails part-way (the client went away, a transport error, the size limit) ends the
 * request's stream normally, right at the body, before events are counted accepted: a failure would
 * also fail the shared ingress hub's inlet for this request, which drops the events it has in
 * flight, already counted. So every event counted accepted is handed over, and the report says the
 * request was cut short and from which line to resend (the line the failure interrupted is neither
 * accepted nor refused).
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

  /**
   * Runs the body into an ingress of batches: the events the log took together enter together, in
   * batches of at most {@link PipelineGraph#LARGEST_BATCH} (split before they are counted, so what
   * is counted accepted is what the ingress took), each counted accepted as the ingress takes it.
   */
  public CompletionStage<IngestReport> ingestBatches(
      Source<ByteString, ?> body,
      String pipeline,
      String app,
      Sink<List<Envelope>, NotUsed> ingress,
      Materializer mat) {
    IngestTally tally = new IngestTally(counters, log);
    LineSplitter splitter = new LineSplitter(maxLineBytes);
    LineRunParser lines = new LineRunParser(parser);
    return readToEndOrFailure(body, tally)
        .mapConcat(
            chunk ->
                accepted(
                    lines.parse(
                        chunk.map(splitter::feed).orElseGet(splitter::finish),
                        pipeline,
                        app,
                        System.currentTimeMillis()),
                    tally))
        .via(durable(tally))
        .mapConcat(group -> PipelineGraph.split(group, PipelineGraph.LARGEST_BATCH))
        // After the log, so the time a full pipeline takes to make room is what is bounded.
        .backpressureTimeout(offerTimeout)
        // A saturated pipeline, or a log that takes no more, ends this request's stream normally:
        // failing it would fail the shared ingress hub.
        .recoverWithRetries(
            1,
            new PFBuilder<Throwable, Graph<SourceShape<List<Envelope>>, NotUsed>>()
                .match(
                    BackpressureTimeoutException.class, full -> tally.<List<Envelope>>overloaded())
                .match(WalRefusedException.class, tally::<List<Envelope>>refusedByLog)
                .build())
        .map(tally::accept)
        .watchTermination(Keep.right())
        .to(ingress)
        .run(mat)
        .handle((done, failure) -> tally.report(failure))
        .thenCompose(report -> confirmedWhenAwaited(report, tally));
  }

  /**
   * The events of a chunk's lines, parsed in one step (the refused lines are tallied): one stage
   * for all of them rather than a stage per line for each step.
   */
  private static List<EventParser.Accepted> accepted(
      List<EventParser.Parsed> lines, IngestTally tally) {
    List<EventParser.Accepted> accepted = new ArrayList<>(lines.size());
    for (EventParser.Parsed parsed : lines) {
      if (tally.keep(parsed)) {
        accepted.add((EventParser.Accepted) parsed);
      }
    }
    return accepted;
  }

  /**
   * With acks on outcomes ({@code ben.ingest.ack = stored}), the report once the accepted events
   * reached them or the ack timeout passed; otherwise the report as it is: a durable ack needs no
   * more than the log.
   */
  private CompletionStage<IngestReport> confirmedWhenAwaited(
      IngestReport report, IngestTally tally) {
    if (!log.awaitsOutcomes()) {
      return CompletableFuture.completedFuture(report);
    }
    return log.confirmed(tally.sequences()).thenApply(report::confirmed);
  }

  /**
   * Logs events in groups (whatever arrived while the last group was written) and lets through only
   * what the log holds, as the groups it holds.
   */
  private Flow<EventParser.Accepted, List<Envelope>, NotUsed> durable(IngestTally tally) {
    return Flow.<EventParser.Accepted>create()
        .batch(LOG_GROUP, AcceptedGroup::new, AcceptedGroup::add)
        .mapAsync(
            1,
            group -> unwrapped(log.append(group.events(), group.sent()).thenApply(tally::logged)));
  }

  /** The log's own failure, not a wrapper, so the request's recovery recognises a refusal. */
  private static <T> CompletionStage<T> unwrapped(CompletionStage<T> stage) {
    CompletableFuture<T> result = new CompletableFuture<>();
    stage.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            result.complete(value);
          } else {
            result.completeExceptionally(
                failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure);
          }
        });
    return result;
  }

  /**
   * The body's chunks followed by an empty marker when it was read to its end; when it fails, the
   * failure is kept for the report and the stream just completes, without the marker, so the
   * splitter never turns the interrupted line into an event.
   */
  private static Source<Optional<ByteString>, ?> readToEndOrFailure(
      Source<ByteString, ?> body, IngestTally tally) {
    return body.map(Optional::of)
        .concat(Source.single(Optional.<ByteString>empty()))
        .onErrorComplete(tally::readFailed);
  }

  /**
   * The request's stream failed although its body was read or recovered: the ingress itself failed
   * (the pipeline stopped while the request was being read).
   */
  public static final class IngestFailedException extends RuntimeException {
    IngestFailedException(Throwable cause) {
      super("handing the request to the pipeline failed: " + cause.getMessage(), cause);
    }
  }
}
