package dev.ben.actors.sidecar;

import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.streams.sidecar.NdjsonIngest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.Materializer;

/**
 * {@code POST /api/v1/events?pipeline=NAME}: an NDJSON body streamed line by line into the
 * pipeline's ingress, answered with the lines accepted and refused. A body declared too large is
 * refused before it is read; a chunked one that grows too large keeps the lines read before the
 * limit.
 */
final class EventsEndpoint {

  private final IngestContext ingest;

  EventsEndpoint(IngestContext ingest) {
    this.ingest = ingest;
  }

  CompletionStage<HttpResponse> ingest(String pipeline, String app, HttpEntity entity) {
    if (entity.getContentLengthOption().orElse(0L) > ingest.settings().maxRequestBytes()) {
      entity.discardBytes(ingest.system());
      return CompletableFuture.completedFuture(
          ingest
              .responses()
              .error(
                  StatusCodes.CONTENT_TOO_LARGE,
                  "the request body of "
                      + entity.getContentLengthOption().getAsLong()
                      + " bytes exceeds "
                      + ingest.settings().maxRequestBytes()
                      + "; split it into smaller requests or raise ben.ingest.max-request-bytes"));
    }
    return PipelineDirectory.lookup(ingest.directory(), pipeline, ingest.system())
        .thenCompose(
            found ->
                found
                    .ingress()
                    .map(ingress -> stream(ingress, pipeline, app, entity))
                    .orElseGet(
                        () -> {
                          entity.discardBytes(ingest.system());
                          return CompletableFuture.completedFuture(
                              ingest.responses().unknownPipeline(pipeline, found.running()));
                        }));
  }

  private CompletionStage<HttpResponse> stream(
      PipelineDirectory.Ingress ingress, String pipeline, String app, HttpEntity entity) {
    return new NdjsonIngest(
            ingest.mapper(),
            ingest.settings().maxLineBytes(),
            ingest.settings().offerTimeout(),
            ingress.sidecarCounters(),
            ingress.log())
        .ingest(
            entity.withSizeLimit(ingest.settings().maxRequestBytes()).getDataBytes(),
            pipeline,
            app,
            ingress.sink(),
            Materializer.matFromSystem(ingest.system()))
        .thenApply(report -> ingest.responses().report(pipeline, report))
        .exceptionally(this::failedRead);
  }

  private HttpResponse failedRead(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    while (cause.getCause() != null && !(cause instanceof EntityStreamSizeException)) {
      cause = cause.getCause();
    }
    if (cause instanceof EntityStreamSizeException) {
      // Only a chunked body without a length gets here: lines before the limit were accepted and
      // counted.
      return ingest
          .responses()
          .error(
              StatusCodes.CONTENT_TOO_LARGE,
              "the chunked request body exceeds "
                  + ingest.settings().maxRequestBytes()
                  + " bytes; the lines before the limit were accepted, send the rest in "
                  + "smaller requests or raise ben.ingest.max-request-bytes");
    }
    return ingest
        .responses()
        .error(
            StatusCodes.BAD_REQUEST, "the request body could not be read: " + cause.getMessage());
  }
}
