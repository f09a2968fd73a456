package dev.ben.streams.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.BackpressureTimeoutException;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * Runs one NDJSON request body into a pipeline's ingress. Lines are parsed as they stream in;
 * refused lines are counted and reported while good lines go on. The ingress backpressures, so a
 * full pipeline slows the reading of the request (and the client's TCP window); if no room appears
 * within the offer timeout the request stops there and the report says the pipeline is overloaded
 * and from which line to resend. Every line read is either accepted or refused, never lost.
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

  public NdjsonIngest(
      ObjectMapper mapper, int maxLineBytes, Duration offerTimeout, StageCounters counters) {
    this.parser = new EventParser(mapper, maxLineBytes);
    this.maxLineBytes = maxLineBytes;
    this.offerTimeout = offerTimeout;
    this.counters = counters;
  }

  public CompletionStage<IngestReport> ingest(
      Source<ByteString, ?> body,
      String pipeline,
      String app,
      Sink<Envelope, NotUsed> ingress,
      Materializer mat) {
    Tally tally = new Tally();
    LineSplitter splitter = new LineSplitter(maxLineBytes);
    return readToEndOrFailure(body, tally)
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
        .map(envelope -> tally.accept(envelope, counters))
        .watchTermination(Keep.right())
        .to(ingress)
        .run(mat)
        .handle((done, failure) -> tally.report(failure));
  }

  /**
   * The body's chunks followed by an empty marker when it was read to its end; when it fails, the
   * failure is kept for the report and the stream just completes, without the marker, so the
   * splitter never turns the interrupted line into an event.
   */
  private static Source<Optional<ByteString>, ?> readToEndOrFailure(
      Source<ByteString, ?> body, Tally tally) {
    return body.map(Optional::of)
        .concat(Source.single(Optional.<ByteString>empty()))
        .onErrorComplete(
            failure -> {
              tally.readFailure = failure;
              return true;
            });
  }

  /**
   * Per-request accumulation; touched only by the request's own (single-threaded, fused) stream.
   */
  private static final class Tally {
    long accepted;
    long refused;
    long lastLine;
    boolean overloaded;
    Throwable readFailure;
    final java.util.ArrayDeque<Long> waiting = new java.util.ArrayDeque<>();
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
      accepted++;
      counters.accepted();
      return envelope;
    }

    IngestReport report(Throwable failure) {
      if (failure != null) {
        throw new IngestFailedException(
            failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause()
                : failure);
      }
      // Parsed events that never entered the pipeline are waiting in a stage buffer; the client
      // resends from the first of them, or from the first line not parsed at all.
      long resumeFrom = waiting.isEmpty() ? lastLine + 1 : waiting.peekFirst();
      boolean endedEarly = overloaded || readFailure != null;
      return new IngestReport(accepted, refused, listed, endedEarly ? resumeFrom : 0, readFailure);
    }
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
