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
 * query) goes straight to {@link InvokeEndpoint} and a plain NDJSON post ({@code POST
 * /api/v1/events?pipeline=NAME}, no other parameter) to {@link EventsEndpoint}; everything else
 * goes through the sealed routes. An invocation holds its connection until it is answered, so what
 * the route tree costs per request (directives built and walked, the answer marshalled) is paid in
 * every caller's latency; the direct path takes the route's decisions in the route's order (the
 * key, then the pipeline's name, then the body), with the same answers, counts and timing. A
 * request it does not recognise exactly (another method or parameter, an escaped or unusual name)
 * is the routes', which answer it as before.
 */
final class IngestDispatch {

  /** A request the direct path answers: its route's name and the pipeline it names. */
  record Direct(String route, String pipeline) {}

  private static final String INVOKE_PATH = "/api/v1/invoke/";
  private static final String EVENTS_PATH = "/api/v1/events";
  private static final String PIPELINE_QUERY = "pipeline=";
  private static final String INVOKE = "invoke";
  private static final String EVENTS = "events";

  private final ActorSystem<?> system;
  private final IngestAuthentication authentication;
  private final IngestContext ingest;
  private final InvokeEndpoint invoke;
  private final EventsEndpoint events;
  private final Function<HttpRequest, CompletionStage<HttpResponse>> routed;

  IngestDispatch(
      ActorSystem<?> system,
      IngestAuthentication authentication,
      IngestContext ingest,
      InvokeEndpoint invoke,
      EventsEndpoint events,
      Route routes) {
    this.system = system;
    this.authentication = authentication;
    this.ingest = ingest;
    this.invoke = invoke;
    this.events = events;
    this.routed = routes.seal().handler(system);
  }

  /** One request at a time per connection, as the routes' own flow answers them. */
  Flow<HttpRequest, HttpResponse, NotUsed> flow() {
    return Flow.<HttpRequest>create().mapAsync(1, this::answer);
  }

  CompletionStage<HttpResponse> answer(HttpRequest request) throws Exception {
    Optional<Direct> direct = direct(request);
    if (direct.isEmpty()) {
      return routed.apply(request);
    }
    try {
      return answer(direct.get(), request)
          .exceptionallyCompose(failure -> failed(request, failure));
    } catch (RuntimeException failure) {
      return failed(request, failure);
    }
  }

  /**
   * What a request the direct path answers names: a POST to {@code /api/v1/invoke/} and one
   * segment, without a query, or to {@code /api/v1/events} with {@code ?pipeline=} and nothing
   * else; the name of unreserved characters only, which reads the same escaped or not. Empty
   * otherwise.
   */
  static Optional<Direct> direct(HttpRequest request) {
    if (!request.method().equals(HttpMethods.POST)) {
      return Optional.empty();
    }
    String path = request.getUri().path();
    Optional<String> query = request.getUri().rawQueryString();
    if (query.isEmpty() && path.startsWith(INVOKE_PATH)) {
      return named(INVOKE, path.substring(INVOKE_PATH.length()));
    }
    if (path.equals(EVENTS_PATH) && query.isPresent() && query.get().startsWith(PIPELINE_QUERY)) {
      return named(EVENTS, query.get().substring(PIPELINE_QUERY.length()));
    }
    return Optional.empty();
  }

  private static Optional<Direct> named(String route, String name) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < name.length(); i++) {
      if (!unreserved(name.charAt(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(new Direct(route, name));
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

  /** The route's handling: timed from here to the answer, each answer counted. */
  private CompletionStage<HttpResponse> answer(Direct direct, HttpRequest request) {
    long start = System.nanoTime();
    return authentication
        .admission(
            direct.route(),
            request.getHeader("Authorization").map(HttpHeader::value),
            IngestAuthentication.claimed(
                Optional.empty(), request.getHeader("X-Ben-App").map(HttpHeader::value)))
        .thenCompose(admission -> admitted(direct, request, admission))
        .thenApply(
            response -> {
              ingest.counts().took(direct.route(), start);
              return response;
            });
  }

  private CompletionStage<HttpResponse> admitted(
      Direct direct, HttpRequest request, Admission admission) {
    if (admission instanceof Admission.Answered answered) {
      return CompletableFuture.completedFuture(answered.response());
    }
    String app = ((Admission.Admitted) admission).app();
    String route = direct.route();
    Optional<String> refusal = IngestNames.refusal(direct.pipeline());
    if (refusal.isPresent()) {
      return CompletableFuture.completedFuture(
          ingest
              .counts()
              .counted(route, ingest.responses().error(StatusCodes.BAD_REQUEST, refusal.get())));
    }
    return ingest
        .counts()
        .counted(
            route,
            route.equals(INVOKE)
                ? invoke.invoke(direct.pipeline(), app, request)
                : events.ingest(direct.pipeline(), app, request));
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
