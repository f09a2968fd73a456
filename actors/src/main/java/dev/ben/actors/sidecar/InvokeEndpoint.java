package dev.ben.actors.sidecar;

import dev.ben.actors.invoke.InvokeOutcome;
import dev.ben.actors.invoke.InvokeReplies;
import dev.ben.actors.invoke.Invoker;
import dev.ben.streams.sidecar.BodyDecoding;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * {@code POST /api/v1/invoke/{pipeline}}: one JSON event evaluated synchronously by the {@link
 * Invoker} (the gRPC twin asks the same one). The event enters the pipeline like any other (it is
 * counted, decided, redacted and stored the same way) and the answer is what the spine decided: the
 * contract version, rule bits, fired rules, the action, facts, detector values and playbook
 * outcomes. The body is {@code application/json} (plain, gzip or deflate), at most {@code
 * ben.ingest.max-line-bytes} once decoded: one event, as one NDJSON line would carry it. A body
 * Pekko HTTP already holds whole (small ones usually are) is used as it is; only a streamed or
 * compressed one is read through a stream.
 */
final class InvokeEndpoint {

  private final IngestContext ingest;
  private final Invoker invoker;
  private final InvokeReplies replies;

  InvokeEndpoint(IngestContext ingest, Invoker invoker) {
    this.ingest = ingest;
    this.invoker = invoker;
    this.replies = new InvokeReplies(ingest.mapper());
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
    return body(entity, ((BodyFormat.Readable) format).coding())
        .thenCompose(
            body ->
                body.length() > invoker.maxEventBytes()
                    ? CompletableFuture.completedFuture(unreadable())
                    : invoker
                        .overHttp(pipeline, app, body.toArray())
                        .thenApply(outcome -> answer(pipeline, outcome)))
        .exceptionally(failure -> unreadable());
  }

  /**
   * The body whole: as Pekko HTTP holds it when it is strict, else read within the size limit and
   * the offer timeout; decoded when compressed, to the same limit.
   */
  private CompletionStage<ByteString> body(HttpEntity entity, BodyDecoding.Coding coding) {
    int limit = invoker.maxEventBytes();
    if (entity instanceof HttpEntity.Strict strict && coding == BodyDecoding.Coding.IDENTITY) {
      return CompletableFuture.completedFuture(strict.getData());
    }
    Materializer materializer = Materializer.matFromSystem(ingest.system());
    CompletionStage<ByteString> sent =
        entity instanceof HttpEntity.Strict strict
            ? CompletableFuture.completedFuture(strict.getData())
            : entity
                .withSizeLimit(limit)
                .toStrict(ingest.settings().offerTimeout().toMillis(), materializer)
                .thenApply(HttpEntity.Strict::getData);
    if (coding == BodyDecoding.Coding.IDENTITY) {
      return sent;
    }
    return sent.thenCompose(
        bytes ->
            BodyDecoding.decoded(Source.single(bytes), coding, limit)
                .completionTimeout(ingest.settings().offerTimeout())
                .runFold(ByteString.emptyByteString(), ByteString::concat, materializer));
  }

  private HttpResponse unreadable() {
    return ingest.responses().error(StatusCodes.BAD_REQUEST, invoker.tooLarge());
  }

  private HttpResponse answer(String pipeline, InvokeOutcome outcome) {
    if (outcome instanceof InvokeOutcome.Decided decided) {
      return HttpResponse.create()
          .withStatus(StatusCodes.OK)
          .withEntity(ContentTypes.APPLICATION_JSON, replies.json(decided));
    }
    InvokeOutcome.Refused refused = (InvokeOutcome.Refused) outcome;
    return switch (refused.refusal()) {
      case UNKNOWN_PIPELINE -> ingest.responses().unknownPipeline(pipeline, refused.running());
      default -> {
        HttpResponse response =
            ingest
                .responses()
                .error(StatusCodes.get(refused.refusal().httpStatus()), refused.message());
        yield refused.refusal().retryLater() ? response.addHeader(RetryAfter.create(1L)) : response;
      }
    };
  }
}
