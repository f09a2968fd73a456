package dev.ben.actors.sidecar;

import dev.ben.actors.screen.ScreenJson;
import dev.ben.actors.screen.ScreenOutcome;
import dev.ben.actors.screen.Screener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;

/**
 * {@code POST /api/v1/screen}: a name screened against one of a pipeline's lists by the {@link
 * Screener} (the gRPC twin asks the same one). The body is read whole, at most {@code
 * ben.ingest.max-line-bytes}, by the route; this class reads the question and writes the answer.
 */
final class ScreenEndpoint {

  private final IngestResponses responses;
  private final Screener screener;
  private final ScreenJson json;

  ScreenEndpoint(IngestResponses responses, Screener screener, ScreenJson json) {
    this.responses = responses;
    this.screener = screener;
    this.json = json;
  }

  CompletionStage<HttpResponse> screen(byte[] body) {
    ScreenJson.Read read = json.question(body);
    if (read instanceof ScreenJson.NotAsked notAsked) {
      screener.count(Screener.Transport.HTTP, notAsked.refusal().refusal().label());
      return CompletableFuture.completedFuture(refused(notAsked.refusal()));
    }
    return screener
        .screen(Screener.Transport.HTTP, ((ScreenJson.Asked) read).question())
        .thenApply(this::answer);
  }

  private HttpResponse answer(ScreenOutcome outcome) {
    if (outcome instanceof ScreenOutcome.Answered answered) {
      return responses.json(StatusCodes.OK, json.answer(answered));
    }
    return refused((ScreenOutcome.Refused) outcome);
  }

  private HttpResponse refused(ScreenOutcome.Refused refused) {
    HttpResponse response =
        responses.error(StatusCodes.get(refused.refusal().httpStatus()), refused.message());
    return refused.refusal().httpStatus() == 503
        ? response.addHeader(RetryAfter.create(1L))
        : response;
  }
}
