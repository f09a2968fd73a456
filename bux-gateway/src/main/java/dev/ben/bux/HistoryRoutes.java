package dev.ben.bux;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.history.HistoryPoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/metrics/history?since=&series=}: the cluster's metrics history, behind a
 * session or token of any role. Nodes that did not answer in time are listed with the reason and
 * the answer holds the others' points; only when no node could be asked at all does it answer 503.
 */
final class HistoryRoutes extends AllDirectives {

  private static final String ROUTE = "metrics_history";

  /** The paths these routes serve, as the OpenAPI document names them. */
  static final List<String> PATHS = List.of("/api/v1/metrics/history");

  /** 2^53: every integer up to it is exact as a double. */
  private static final double MAX_EXACT_INTEGER = 9007199254740992.0;

  private final GatewayAccess access;
  private final MetricsHistory history;
  private final ObjectMapper mapper;

  HistoryRoutes(GatewayAccess access, MetricsHistory history, ObjectMapper mapper) {
    this.access = access;
    this.history = history;
    this.mapper = mapper;
  }

  Route route() {
    return get(
        () ->
            path(
                segment("api").slash("v1").slash("metrics").slash("history"),
                () ->
                    access.withSession(
                        ROUTE,
                        principal ->
                            parameterOptional(
                                "since",
                                since ->
                                    parameterOptional(
                                        "series", series -> answer(since, series))))));
  }

  private Route answer(Optional<String> since, Optional<String> series) {
    HistoryQuery query;
    try {
      query = HistoryQuery.parse(since, series);
    } catch (HistoryQuery.Invalid e) {
      return complete(
          access.counted(ROUTE, access.error(StatusCodes.BAD_REQUEST.intValue(), e.getMessage())));
    }
    return onComplete(
        history.since(query.sinceMs(), query.series()),
        view ->
            complete(
                access.counted(
                    ROUTE,
                    view.isSuccess()
                        ? json(view.get())
                        : access.error(
                            StatusCodes.SERVICE_UNAVAILABLE.intValue(),
                            "the cluster's metrics history could not be gathered ("
                                + view.failed().get().getMessage()
                                + "); try again shortly"))));
  }

  private HttpResponse json(HistoryView view) {
    return HttpResponse.create()
        .withEntity(ContentTypes.APPLICATION_JSON, body(mapper, view).toString());
  }

  /** The route's body, which the websocket's history topic pushes too. */
  static ObjectNode body(ObjectMapper mapper, HistoryView view) {
    ObjectNode body = mapper.createObjectNode();
    body.put("at", view.at());
    body.put("interval_ms", view.intervalMs());
    ArrayNode nodes = body.putArray("nodes");
    for (HistoryView.Node node : view.nodes()) {
      ObjectNode entry = nodes.addObject().put("node", node.node());
      entry.put("answered", node.failure().isEmpty());
      entry.put("points", node.points());
      node.failure().ifPresent(failure -> entry.put("error", failure));
    }
    ArrayNode points = body.putArray("points");
    view.points().forEach(point -> render(points.addObject(), point));
    return body;
  }

  private static void render(ObjectNode out, HistoryView.Point point) {
    HistoryPoint p = point.point();
    out.put("at", p.at());
    out.put("node", point.node());
    numbers(out.putObject("series"), p.series());
    numbers(out.putObject("rates"), p.rates());
    out.put("series_cut", p.seriesCut());
  }

  private static void numbers(ObjectNode out, Map<String, Double> values) {
    values.forEach((name, value) -> number(out, name, value));
  }

  /** Counts and byte sizes as integers, so they read as the /metrics text does. */
  private static void number(ObjectNode out, String name, double value) {
    if (value == Math.rint(value) && Math.abs(value) < MAX_EXACT_INTEGER) {
      out.put(name, (long) value);
    } else {
      out.put(name, value);
    }
  }
}
