package dev.ben.bux;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * ben_api's event-log routes, behind a session or token of any role: {@code GET
 * /api/v1/eventlog?type=&pipeline=&since=&from=&limit=}, {@code /api/v1/eventlog/{id}}, {@code
 * /api/v1/eventlog/{id}/tree} (the lineage, from an event of the log or a stored event's id) and
 * {@code /api/v1/decisions?pipeline=&since=&from=&limit=} (firings and suppressions with their
 * explanation, signals and deliveries). A log that does not answer in time is a 503.
 */
final class EventLogRoutes extends AllDirectives {

  /** The paths these routes serve, as the OpenAPI document names them. */
  static final List<String> PATHS =
      List.of(
          "/api/v1/eventlog",
          "/api/v1/eventlog/{id}",
          "/api/v1/eventlog/{id}/tree",
          "/api/v1/decisions");

  private final GatewayAccess access;
  private final EventLogQueries log;
  private final EventLogJson json;
  private final Clock clock;

  EventLogRoutes(GatewayAccess access, EventLogQueries log, ObjectMapper mapper, Clock clock) {
    this.access = access;
    this.log = log;
    this.json = new EventLogJson(mapper);
    this.clock = clock;
  }

  Route route() {
    return get(
        () ->
            pathPrefix(
                segment("api").slash("v1"),
                () ->
                    concat(
                        path(segment("eventlog"), () -> session("eventlog", this::search)),
                        path(
                            segment("eventlog").slash(segment()),
                            id -> session("eventlog_event", () -> event(id))),
                        path(
                            segment("eventlog").slash(segment()).slash("tree"),
                            id -> session("eventlog_tree", () -> tree(id))),
                        path(segment("decisions"), () -> session("decisions", this::decisions)))));
  }

  private Route session(String route, java.util.function.Supplier<Route> inner) {
    return access.withSession(route, principal -> inner.get());
  }

  private Route search() {
    return withParams(
        "eventlog",
        params ->
            answer(
                "eventlog",
                log.search(params.query()),
                page -> Optional.of(json.page(clock.millis(), page)),
                ""));
  }

  private Route decisions() {
    return withParams(
        "decisions",
        params ->
            answer(
                "decisions",
                log.decisions(
                    params.pipeline(), params.sinceMillis(), params.from(), params.limit()),
                page -> Optional.of(json.decisions(clock.millis(), page)),
                ""));
  }

  private Route event(String id) {
    return answer(
        "eventlog_event",
        log.event(id),
        found -> found.map(e -> json.event(clock.millis(), e)),
        "no event " + clip(id) + " in the log; GET /api/v1/eventlog lists them");
  }

  private Route tree(String id) {
    return answer(
        "eventlog_tree",
        log.tree(id),
        found -> found.map(lineage -> json.tree(clock.millis(), lineage)),
        "no event " + clip(id) + " in the log, and no decision taken on a stored event of that id");
  }

  private Route withParams(String route, Function<EventLogParams, Route> inner) {
    return parameterOptional(
        "type",
        type ->
            parameterOptional(
                "pipeline",
                pipeline ->
                    parameterOptional(
                        "since",
                        since ->
                            parameterOptional(
                                "from",
                                from ->
                                    parameterOptional(
                                        "limit",
                                        limit -> {
                                          try {
                                            return inner.apply(
                                                EventLogParams.parse(
                                                    new EventLogParams.Given(
                                                        type, pipeline, since, from, limit)));
                                          } catch (HistoryQuery.Invalid e) {
                                            return complete(
                                                access.counted(
                                                    route,
                                                    access.error(
                                                        StatusCodes.BAD_REQUEST.intValue(),
                                                        e.getMessage())));
                                          }
                                        })))));
  }

  /** The port's answer as JSON, a 404 with {@code missing} when it found nothing, or a 503. */
  private <T> Route answer(
      String route,
      CompletionStage<T> answer,
      Function<T, Optional<ObjectNode>> render,
      String missing) {
    return onComplete(
        answer,
        result ->
            complete(
                access.counted(
                    route,
                    result.isSuccess()
                        ? render
                            .apply(result.get())
                            .map(this::ok)
                            .orElseGet(
                                () -> access.error(StatusCodes.NOT_FOUND.intValue(), missing))
                        : unavailable(result.failed().get()))));
  }

  private HttpResponse ok(ObjectNode body) {
    return HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, body.toString());
  }

  private HttpResponse unavailable(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return access.error(
        StatusCodes.SERVICE_UNAVAILABLE.intValue(),
        cause instanceof TimeoutException
            ? "the event log did not answer in time; try again shortly or narrow the query"
            : "the event log could not be read (" + cause.getMessage() + "); try again shortly");
  }

  private static String clip(String id) {
    return id.length() > 100 ? id.substring(0, 100) + "…" : id;
  }
}
