package dev.ben.actors.invoke;

import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.actors.pipeline.PipelineTable;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.Buckets;
import dev.ben.streams.metrics.IngestRefusals;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.sidecar.Invocation;
import dev.ben.streams.wal.IngestLog;
import dev.ben.streams.wal.WalRefusedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;

/**
 * One event evaluated synchronously, whatever transport asked: found in the node's {@link
 * PipelineTable} (no ask), parsed by the one shared {@link EventParser} (it keeps no state between
 * calls), written to the ingest log like every accepted event (the durable ack is part of the
 * path), offered to the pipeline's invocation queue (materialised once per pipeline, not per
 * request), and answered with what the spine decided. Every refusal says what to do next and is
 * counted where the other ingest refusals are.
 */
public final class Invoker {

  private final PipelineTable pipelines;
  private final EventParser parser;
  private final int maxEventBytes;
  private final Duration decisionTimeout;
  private final MetricsRegistry metrics;
  private final InvokeLatency latency;
  private final DecisionTimer timer;

  /**
   * @param maxEventBytes {@code ben.ingest.max-line-bytes}: an event is one NDJSON line's worth
   * @param decisionTimeout {@code ben.ingest.offer-timeout}: how long the spine may take to decide
   * @param timer what ends a wait for a decision after {@code decisionTimeout}
   */
  public Invoker(
      PipelineTable pipelines,
      EventParser parser,
      int maxEventBytes,
      Duration decisionTimeout,
      DecisionTimer timer,
      MetricsRegistry metrics) {
    this.pipelines = pipelines;
    this.parser = parser;
    this.maxEventBytes = maxEventBytes;
    this.decisionTimeout = decisionTimeout;
    this.metrics = metrics;
    this.latency = new InvokeLatency(metrics);
    this.timer = timer;
  }

  public int maxEventBytes() {
    return maxEventBytes;
  }

  /** The message for a body that is not one event within the limit, or could not be read. */
  public String tooLarge() {
    return "send one JSON event of at most " + maxEventBytes + " bytes (ben.ingest.max-line-bytes)";
  }

  /** An invocation over HTTP ({@code POST /api/v1/invoke/NAME}). */
  public CompletionStage<InvokeOutcome> overHttp(String pipeline, String app, byte[] event) {
    return invoke(InvokeLatency.Transport.HTTP, pipeline, app, event);
  }

  /** An invocation over gRPC (the control port's invoke service). */
  public CompletionStage<InvokeOutcome> overGrpc(String pipeline, String app, byte[] event) {
    return invoke(InvokeLatency.Transport.GRPC, pipeline, app, event);
  }

  CompletionStage<InvokeOutcome> invoke(
      InvokeLatency.Transport transport, String pipeline, String app, byte[] event) {
    long start = System.nanoTime();
    CompletionStage<InvokeOutcome> outcome = invoke(pipeline, app, event);
    if (pipelines.find(pipeline).isEmpty()) {
      return outcome;
    }
    var series = latency.of(transport, pipeline);
    return outcome.whenComplete((answered, failure) -> series.observe(Buckets.secondsSince(start)));
  }

  CompletionStage<InvokeOutcome> invoke(String pipeline, String app, byte[] event) {
    if (event.length > maxEventBytes) {
      return done(new InvokeOutcome.Refused(InvokeRefusal.BAD_EVENT, tooLarge()));
    }
    Optional<PipelineTable.Entry> found = pipelines.find(pipeline);
    if (found.isEmpty()) {
      List<String> running = pipelines.running();
      return done(
          new InvokeOutcome.Refused(
              InvokeRefusal.UNKNOWN_PIPELINE, notRunning(pipeline, running), running));
    }
    PipelineTable.Entry entry = found.get();
    if (entry.invocations().isEmpty()) {
      return done(
          new InvokeOutcome.Refused(
              InvokeRefusal.NOT_DECIDED,
              "pipeline `"
                  + pipeline
                  + "` runs no contract, so there is nothing to decide; deploy one with benctl"));
    }
    return parsed(entry, pipeline, app, event);
  }

  /** The text every ingest route answers for a pipeline that does not run here. */
  public static String notRunning(String pipeline, List<String> running) {
    return "no pipeline named `"
        + pipeline
        + "` takes events on this node (never deployed, paused or archived: see `benctl status "
        + pipeline
        + "`); running here: "
        + (running.isEmpty() ? "none" : String.join(", ", running));
  }

  /** A body the parser refuses is counted at the sidecar with its reason, as an NDJSON line is. */
  private CompletionStage<InvokeOutcome> parsed(
      PipelineTable.Entry entry, String pipeline, String app, byte[] event) {
    var parsed = parser.parseOne(event, pipeline, app, System.currentTimeMillis());
    if (parsed instanceof EventParser.Accepted accepted) {
      return logged(entry, accepted);
    }
    String reason = "the body is empty";
    if (parsed instanceof EventParser.Refused refused) {
      entry.ingress().sidecarCounters().count(Outcome.REFUSED, refused.reason());
      reason = refused.detail();
    }
    return done(
        new InvokeOutcome.Refused(
            InvokeRefusal.BAD_EVENT, "not an event: " + reason + "; send one JSON object"));
  }

  /**
   * The event is logged like every accepted event, keeping the body as it was sent rather than
   * writing the parsed tree out again; it enters the pipeline as soon as it has its log position,
   * so it is decided while the write syncs, and the answer waits for both.
   */
  private CompletionStage<InvokeOutcome> logged(
      PipelineTable.Entry entry, EventParser.Accepted accepted) {
    Invocation invocation = new Invocation();
    PipelineDirectory.Ingress ingress = entry.ingress();
    IngestLog.Positioned logging =
        ingress
            .log()
            .position(List.of(accepted.envelope().awaitedBy(invocation)), List.of(accepted.sent()));
    return logging
        .events()
        .handle(
            (positioned, failure) ->
                failure == null
                    ? entered(entry, positioned.get(0), invocation, logging.durable())
                    : done(notLogged(ingress, failure)))
        .thenCompose(outcome -> outcome);
  }

  private InvokeOutcome notLogged(PipelineDirectory.Ingress ingress, Throwable failure) {
    Throwable cause = unwrapped(failure);
    if (cause instanceof WalRefusedException refused) {
      ingress.sidecarCounters().count(Outcome.REFUSED, refused.reason(), refused.events());
    }
    return new InvokeOutcome.Refused(
        InvokeRefusal.NOT_LOGGED,
        "the node could not log the events ("
            + cause.getMessage()
            + "); nothing was accepted, retry later");
  }

  private CompletionStage<InvokeOutcome> entered(
      PipelineTable.Entry entry,
      Envelope envelope,
      Invocation invocation,
      CompletionStage<?> durable) {
    BoundedSourceQueue<Envelope> queue = entry.invocations().orElseThrow();
    QueueOfferResult offered = queue.offer(envelope);
    if (!offered.isEnqueued()) {
      entry.ingress().log().forget(List.of(envelope));
      return done(notEntered(envelope.pipeline(), offered));
    }
    entry.ingress().sidecarCounters().accepted();
    return new InvokeWait(entry.ingress().log(), decisionTimeout, timer)
        .decision(envelope, invocation, durable);
  }

  /**
   * The event was logged but never entered its pipeline: the log forgets it (as an NDJSON request's
   * events that found no room) and the caller is told nothing was accepted, so a resend is not a
   * duplicate and nothing is lost silently.
   */
  private InvokeOutcome notEntered(String pipeline, QueueOfferResult offered) {
    boolean full = offered == QueueOfferResult.dropped();
    String reason = full ? "invoke_queue_full" : "pipeline_stopped";
    new IngestRefusals(metrics).count(reason);
    String why =
        full
            ? "pipeline `"
                + pipeline
                + "` is saturated: its invocation queue (ben.ingest.invoke-queue) is full"
            : "pipeline `" + pipeline + "` stopped taking events (it restarts by itself)";
    return new InvokeOutcome.Refused(
        full ? InvokeRefusal.QUEUE_FULL : InvokeRefusal.PIPELINE_STOPPED,
        why + "; nothing was accepted or decided, resend the event shortly");
  }

  /** The failure a stage completed with, without the wrapper a dependent stage adds. */
  static Throwable unwrapped(Throwable failure) {
    return failure instanceof CompletionException ? failure.getCause() : failure;
  }

  static CompletionStage<InvokeOutcome> done(InvokeOutcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
