package dev.ben.actors.sidecar;

import dev.ben.actors.sidecar.IngestAuthentication.Admission;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * Every request of the ingest listener: a plain invocation ({@code POST /api/v1/invoke/NAME}, no
 * query) goes straight to {@link InvokeEndpoint}, everything else through the sealed routes. An
 * invocation holds its connection until it is answered, so what the route tree costs per request
 * (directives built and walked, the answer marshalled) is paid in every caller's latency; the
 * direct path takes the route's decisions in the route's order (the key, then the pipeline's name,
 * then the body), with the same answers, counts and timing. A request it does not recognise exactly
 * (another method, a query, an escaped or unusual name) is the routes', which answer it as before.
 */
final class IngestDispatch {

  private static final String INVOKE = "/api/v1/invoke/";
  private static final String ROUTE = "invoke";

  private final ActorSystem<?> system;
  private final IngestAuthentication authentication;
  private final IngestContext ingest;
  private final InvokeEndpoint invoke;
  private final Function<HttpRequest, CompletionStage<HttpResponse>> routed;

  IngestDispatch(
      ActorSystem<?> system,
      IngestAuthentication authentication,
      IngestContext ingest,
      InvokeEndpoint invoke,
      Route routes) {
    this.system = system;
    this.authentication = authentication;
    this.ingest = ingest;
    this.invoke = invoke;
    this.routed = routes.seal().handler(system);
  }

  /** One request at a time per connection, as the routes' own flow answers them. */
  Flow<HttpRequest, HttpResponse, NotUsed> flow() {
    return Flow.<HttpRequest>create().mapAsync(1, this::answer);
  }

  CompletionStage<HttpResponse> answer(HttpRequest request) throws Exception {
    Optional<String> pipeline = invoked(request);
    if (pipeline.isEmpty()) {
      return routed.apply(request);
    }
    try {
      return invoke(pipeline.get(), request)
          .exceptionallyCompose(failure -> failed(request, failure));
    } catch (RuntimeException failure) {
      return failed(request, failure);
    }
  }

  /**
   * The pipeline a plain invocation names: a POST without a query to {@code /api/v1/invoke/} and
   * one segment of unreserved characters, which reads the same escaped or not; empty otherwise.
   */
  static Optional<String> invoked(HttpRequest request) {
    if (!request.method().equals(HttpMethods.POST)
        || request.getUri().rawQueryString().isPresent()) {
      return Optional.empty();
    }
    String path = request.getUri().path();
    if (!path.startsWith(INVOKE) || path.length() == INVOKE.length()) {
      return Optional.empty();
    }
    for (int i = INVOKE.length(); i < path.length(); i++) {
      if (!unreserved(path.charAt(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(path.substring(INVOKE.length()));
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }

  /** The route's invocation: timed from here to the answer, each answer counted. */
  private CompletionStage<HttpResponse> invoke(String pipeline, HttpRequest request) {
    long start = System.nanoTime();
    return authentication
        .admission(
            ROUTE,
            request.getHeader("Authorization").map(HttpHeader::value),
            IngestAuthentication.claimed(
                Optional.empty(), request.getHeader("X-Ben-App").map(HttpHeader::value)))
        .thenCompose(admission -> admitted(pipeline, request, admission))
        .thenApply(
            response -> {
              ingest.counts().took(ROUTE, start);
              return response;
            });
  }

  private CompletionStage<HttpResponse> admitted(
      String pipeline, HttpRequest request, Admission admission) {
    if (admission instanceof Admission.Answered answered) {
      return CompletableFuture.completedFuture(answered.response());
    }
    String app = ((Admission.Admitted) admission).app();
    Optional<String> refusal = IngestNames.refusal(pipeline);
    if (refusal.isPresent()) {
      return CompletableFuture.completedFuture(
          ingest
              .counts()
              .counted(ROUTE, ingest.responses().error(StatusCodes.BAD_REQUEST, refusal.get())));
    }
    return ingest.counts().counted(ROUTE, invoke.invoke(pipeline, app, request));
  }

  /** What the sealed routes answer a request whose handling failed (their exception handler's). */
  private CompletionStage<HttpResponse> failed(HttpRequest request, Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    try {
      return Directives.failWith(cause).seal().handler(system).apply(request);
    } catch (Exception unanswerable) {
      return CompletableFuture.failedFuture(unanswerable);
    }
  }
}
