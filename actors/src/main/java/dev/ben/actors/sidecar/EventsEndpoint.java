package dev.ben.actors.sidecar;

import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.streams.sidecar.BodyDecoding;
import dev.ben.streams.sidecar.IngestReport;
import dev.ben.streams.sidecar.NdjsonIngest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.stream.Materializer;

/**
 * {@code POST /api/v1/events?pipeline=NAME}: an NDJSON body (plain, gzip or deflate) streamed line
 * by line into the pipeline's ingress, answered with the lines accepted and refused. A body of
 * another type or coding, or declared too large, is refused before it is read. A body that stops
 * part-way (too large once read or decoded, the client gone, a transport error) keeps what was read
 * before the stop, and the answer says so: what was accepted and from which line to resend.
 */
final class EventsEndpoint {

  private static final String ROUTE = "events";

  private final IngestContext ingest;

  EventsEndpoint(IngestContext ingest) {
    this.ingest = ingest;
  }

  CompletionStage<HttpResponse> ingest(String pipeline, String app, HttpRequest request) {
    HttpEntity entity = request.entity();
    BodyFormat.Decision format =
        BodyFormat.events(
            entity.getContentType(), request.getHeader("Content-Encoding").map(HttpHeader::value));
    if (format instanceof BodyFormat.Unreadable unreadable) {
      return refuse(entity, unreadable.reason(), ingest.responses().unsupported(unreadable));
    }
    long limit = ingest.settings().maxRequestBytes();
    if (entity.getContentLengthOption().orElse(0L) > limit) {
      return refuse(
          entity,
          "too_large",
          ingest
              .responses()
              .error(
                  StatusCodes.CONTENT_TOO_LARGE,
                  "the request body of "
                      + entity.getContentLengthOption().getAsLong()
                      + " bytes exceeds "
                      + limit
                      + "; split it into smaller requests or raise ben.ingest.max-request-bytes"));
    }
    BodyDecoding.Coding coding = ((BodyFormat.Readable) format).coding();
    return ingest
        .lookup(pipeline)
        .thenCompose(
            found ->
                found
                    .ingress()
                    .map(ingress -> stream(ingress, pipeline, app, entity, coding))
                    .orElseGet(
                        () -> {
                          entity.discardBytes(ingest.system());
                          return CompletableFuture.completedFuture(
                              ingest.responses().unknownPipeline(pipeline, found.running()));
                        }));
  }

  private CompletionStage<HttpResponse> refuse(
      HttpEntity entity, String reason, HttpResponse answer) {
    entity.discardBytes(ingest.system());
    ingest.counts().refused(reason);
    return CompletableFuture.completedFuture(answer);
  }

  private CompletionStage<HttpResponse> stream(
      PipelineDirectory.Ingress ingress,
      String pipeline,
      String app,
      HttpEntity entity,
      BodyDecoding.Coding coding) {
    long limit = ingest.settings().maxRequestBytes();
    return new NdjsonIngest(
            ingest.mapper(),
            ingest.settings().maxLineBytes(),
            ingest.settings().offerTimeout(),
            ingress.sidecarCounters(),
            ingress.log())
        .ingestBatches(
            BodyDecoding.decoded(entity.withSizeLimit(limit).getDataBytes(), coding, limit),
            pipeline,
            app,
            ingress.sink(),
            Materializer.matFromSystem(ingest.system()))
        .thenApply(report -> answer(pipeline, report))
        .exceptionally(this::pipelineStopped);
  }

  private HttpResponse answer(String pipeline, IngestReport report) {
    if (!report.cutShort()) {
      return ingest.responses().report(pipeline, report);
    }
    CutShort why = CutShort.of(report.readFailure(), ingest.settings().maxRequestBytes());
    ingest.counts().cutShort(ROUTE, why.reason());
    return ingest.responses().cutShort(pipeline, report, why);
  }

  /**
   * The body is read to its end or recovered where it failed, so only the ingress itself fails a
   * request: the pipeline stopped (it restarts with backoff) while the request was being read.
   */
  private HttpResponse pipelineStopped(Throwable failure) {
    return ingest
        .responses()
        .error(
            StatusCodes.SERVICE_UNAVAILABLE,
            "the pipeline stopped taking events while the request was read (it restarts by "
                + "itself); resend the request shortly")
        .addHeader(RetryAfter.create(1L));
  }
}
