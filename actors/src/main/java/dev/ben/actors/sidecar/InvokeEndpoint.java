package dev.ben.actors.sidecar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.sidecar.BodyDecoding;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.sidecar.Invocation;
import dev.ben.streams.wal.IngestLog;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * {@code POST /api/v1/invoke/{pipeline}}: one JSON event evaluated synchronously. The event enters
 * the pipeline like any other (it is counted, decided, redacted and stored the same way) and the
 * answer is what the spine decided: the contract version, rule bits, fired rules, the action,
 * facts, detector values and playbook outcomes. Only a pipeline a contract decides can be invoked.
 * The body is {@code application/json} (plain, gzip or deflate), at most {@code
 * ben.ingest.max-line-bytes} once decoded: one event, as one NDJSON line would carry it.
 */
final class InvokeEndpoint {

  private final IngestContext ingest;

  InvokeEndpoint(IngestContext ingest) {
    this.ingest = ingest;
  }

  CompletionStage<HttpResponse> invoke(String pipeline, String app, HttpRequest request) {
    HttpEntity entity = request.entity();
    BodyFormat.Decision format =
        BodyFormat.invoke(
            entity.getContentType(), request.getHeader("Content-Encoding").map(HttpHeader::value));
    if (format instanceof BodyFormat.Unreadable unreadable) {
      entity.discardBytes(ingest.system());
      ingest.counts().refused(unreadable.reason());
      return CompletableFuture.completedFuture(ingest.responses().unsupported(unreadable));
    }
    int limit = ingest.settings().maxLineBytes();
    return BodyDecoding.decoded(
            entity.withSizeLimit(limit).getDataBytes(),
            ((BodyFormat.Readable) format).coding(),
            limit)
        .completionTimeout(ingest.settings().offerTimeout())
        .runFold(
            ByteString.emptyByteString(),
            ByteString::concat,
            Materializer.matFromSystem(ingest.system()))
        .thenCompose(body -> decide(pipeline, app, body.toArray()))
        .exceptionally(
            failure ->
                ingest
                    .responses()
                    .error(
                        StatusCodes.BAD_REQUEST,
                        "send one JSON event of at most "
                            + ingest.settings().maxLineBytes()
                            + " bytes (ben.ingest.max-line-bytes)"));
  }

  private CompletionStage<HttpResponse> decide(String pipeline, String app, byte[] body) {
    return PipelineDirectory.lookup(ingest.directory(), pipeline, ingest.system())
        .thenCompose(
            found ->
                found
                    .ingress()
                    .map(
                        ingress ->
                            ingress.decides()
                                ? evaluate(ingress, pipeline, app, body)
                                : CompletableFuture.completedFuture(
                                    ingest
                                        .responses()
                                        .error(
                                            StatusCodes.CONFLICT,
                                            "pipeline `"
                                                + pipeline
                                                + "` runs no contract, so there is nothing to decide; deploy one with benctl")))
                    .orElseGet(
                        () ->
                            CompletableFuture.completedFuture(
                                ingest.responses().unknownPipeline(pipeline, found.running()))));
  }

  /** A body the parser refuses is counted at the sidecar with its reason, as an /events line is. */
  private CompletionStage<HttpResponse> evaluate(
      PipelineDirectory.Ingress ingress, String pipeline, String app, byte[] body) {
    var parsed =
        new EventParser(ingest.mapper(), ingest.settings().maxLineBytes())
            .parseOne(body, pipeline, app, System.currentTimeMillis());
    if (parsed instanceof EventParser.Accepted accepted) {
      return send(ingress, accepted.envelope());
    }
    String reason = "the body is empty";
    if (parsed instanceof EventParser.Refused refused) {
      ingress.sidecarCounters().count(Outcome.REFUSED, refused.reason());
      reason = refused.detail();
    }
    return CompletableFuture.completedFuture(
        ingest
            .responses()
            .error(StatusCodes.BAD_REQUEST, "not an event: " + reason + "; send one JSON object"));
  }

  /** The event is logged before it enters the pipeline, like every accepted event. */
  private CompletionStage<HttpResponse> send(PipelineDirectory.Ingress ingress, Envelope envelope) {
    Invocation invocation = new Invocation();
    return ingress
        .log()
        .append(List.of(envelope.awaitedBy(invocation)))
        .handle(
            (logged, refused) ->
                refused == null
                    ? enter(ingress, logged.get(0), invocation)
                    : CompletableFuture.completedFuture(
                        ingest.responses().notLogged(ingress, refused)))
        .thenCompose(response -> response);
  }

  private CompletionStage<HttpResponse> enter(
      PipelineDirectory.Ingress ingress, Envelope envelope, Invocation invocation) {
    ingress.sidecarCounters().accepted();
    Source.single(envelope).runWith(ingress.sink(), ingest.system());
    return invocation
        .answer()
        .toCompletableFuture()
        .orTimeout(ingest.settings().offerTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .thenCompose(
            answer ->
                answer.evaluation() != null
                    ? decidedOnceConfirmed(ingress.log(), envelope, answer.evaluation())
                    : CompletableFuture.completedFuture(
                        ingest
                            .responses()
                            .error(
                                StatusCodes.UNPROCESSABLE_CONTENT, "refused: " + answer.refusal())))
        .exceptionally(
            timeout ->
                ingest
                    .responses()
                    .error(
                        StatusCodes.SERVICE_UNAVAILABLE,
                        "pipeline `"
                            + envelope.pipeline()
                            + "` did not decide within "
                            + ingest.settings().offerTimeout().toMillis()
                            + " ms (it is saturated); the event is counted and may still be stored, retry later"));
  }

  /**
   * With {@code ben.ingest.ack = stored} the decision is answered once the event reached its final
   * outcome, or with {@code unconfirmed} once the ack timeout passed, as an events report is.
   */
  private CompletionStage<HttpResponse> decidedOnceConfirmed(
      IngestLog log, Envelope envelope, Envelope.Evaluation evaluation) {
    if (!log.awaitsOutcomes()) {
      return CompletableFuture.completedFuture(decided(envelope, evaluation, 0));
    }
    return log.confirmed(new long[] {envelope.walSequence()})
        .exceptionally(failure -> 0L)
        .thenApply(confirmed -> decided(envelope, evaluation, confirmed > 0 ? 0 : 1));
  }

  private HttpResponse decided(
      Envelope envelope, Envelope.Evaluation evaluation, long unconfirmed) {
    ObjectNode body =
        ingest
            .mapper()
            .createObjectNode()
            .put("event_id", envelope.eventId())
            .put("pipeline", envelope.pipeline())
            .put("contract_version", evaluation.contractVersion());
    body.setAll(evaluation.decisionsJson(ingest.mapper()));
    ingest.responses().unconfirmed(body, unconfirmed);
    return ingest.responses().json(StatusCodes.OK, body);
  }
}
