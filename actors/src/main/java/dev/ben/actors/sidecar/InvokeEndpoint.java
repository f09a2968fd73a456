package dev.ben.actors.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.config.IngestSettings;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.sidecar.Invocation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;

/**
 * {@code POST /api/v1/invoke/{pipeline}}: one JSON event evaluated synchronously. The event enters
 * the pipeline like any other (it is counted, decided, redacted and stored the same way) and the
 * answer is what the spine decided: the contract version, rule bits, fired rules, the action,
 * facts, detector values and playbook outcomes. Only a pipeline a contract decides can be invoked.
 */
final class InvokeEndpoint {

  private final ActorSystem<?> system;
  private final IngestSettings settings;
  private final ActorRef<PipelineDirectory.Command> directory;
  private final ObjectMapper mapper;
  private final IngestResponses responses;

  InvokeEndpoint(
      ActorSystem<?> system,
      IngestSettings settings,
      ActorRef<PipelineDirectory.Command> directory,
      ObjectMapper mapper,
      IngestResponses responses) {
    this.system = system;
    this.settings = settings;
    this.directory = directory;
    this.mapper = mapper;
    this.responses = responses;
  }

  CompletionStage<HttpResponse> invoke(String pipeline, String app, HttpEntity entity) {
    return entity
        .withSizeLimit(settings.maxLineBytes())
        .toStrict(settings.offerTimeout().toMillis(), Materializer.matFromSystem(system))
        .thenCompose(strict -> decide(pipeline, app, strict.getData().toArray()))
        .exceptionally(
            failure ->
                responses.error(
                    StatusCodes.BAD_REQUEST,
                    "send one JSON event of at most "
                        + settings.maxLineBytes()
                        + " bytes (ben.ingest.max-line-bytes)"));
  }

  private CompletionStage<HttpResponse> decide(String pipeline, String app, byte[] body) {
    var parsed =
        new EventParser(mapper, settings.maxLineBytes())
            .parseOne(body, pipeline, app, System.currentTimeMillis());
    if (!(parsed instanceof EventParser.Accepted accepted)) {
      String reason =
          parsed instanceof EventParser.Refused refused ? refused.detail() : "the body is empty";
      return CompletableFuture.completedFuture(
          responses.error(
              StatusCodes.BAD_REQUEST, "not an event: " + reason + "; send one JSON object"));
    }
    return PipelineDirectory.lookup(directory, pipeline, system)
        .thenCompose(
            found ->
                found
                    .ingress()
                    .map(
                        ingress ->
                            ingress.decides()
                                ? send(ingress, accepted.envelope())
                                : CompletableFuture.completedFuture(
                                    responses.error(
                                        StatusCodes.CONFLICT,
                                        "pipeline `"
                                            + pipeline
                                            + "` runs no contract, so there is nothing to decide; deploy one with benctl")))
                    .orElseGet(
                        () ->
                            CompletableFuture.completedFuture(
                                responses.unknownPipeline(pipeline, found.running()))));
  }

  private CompletionStage<HttpResponse> send(PipelineDirectory.Ingress ingress, Envelope envelope) {
    Invocation invocation = new Invocation();
    ingress.sidecarCounters().accepted();
    Source.single(envelope.awaitedBy(invocation)).runWith(ingress.sink(), system);
    return invocation
        .answer()
        .toCompletableFuture()
        .orTimeout(settings.offerTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(
            answer ->
                answer.evaluation() != null
                    ? decided(envelope, answer.evaluation())
                    : responses.error(
                        StatusCodes.UNPROCESSABLE_CONTENT, "refused: " + answer.refusal()))
        .exceptionally(
            timeout ->
                responses.error(
                    StatusCodes.SERVICE_UNAVAILABLE,
                    "pipeline `"
                        + envelope.pipeline()
                        + "` did not decide within "
                        + settings.offerTimeout().toMillis()
                        + " ms (it is saturated); the event is counted and may still be stored, retry later"));
  }

  private HttpResponse decided(Envelope envelope, Envelope.Evaluation evaluation) {
    ObjectNode body =
        mapper
            .createObjectNode()
            .put("event_id", envelope.eventId())
            .put("pipeline", envelope.pipeline())
            .put("contract_version", evaluation.contractVersion());
    body.setAll(evaluation.decisionsJson(mapper));
    return responses.json(StatusCodes.OK, body);
  }
}
