package dev.ben.bux;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.bux.socket.LossRows;
import dev.ben.streams.history.LatencyQuantileSeries;
import dev.ben.streams.metrics.Labels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/metrics/totals}: the stage counters summed over the cluster (see {@link
 * ClusterTotals}), behind a session or token of any role, in the shape of the metrics topic's
 * {@code stages}, {@code loss} and {@code latency} plus the nodes counted and how old each one's
 * figures are. The websocket's {@code totals} topic pushes the same body. Only when no node could
 * be asked at all does it answer 503.
 */
final class TotalsRoutes extends AllDirectives {

  private static final String ROUTE = "metrics_totals";

  /** The paths these routes serve, as the OpenAPI document names them. */
  static final List<String> PATHS = List.of("/api/v1/metrics/totals");

  private final GatewayAccess access;
  private final MetricsHistory history;
  private final ClusterTotals totals = new ClusterTotals();
  private final ObjectMapper mapper;

  TotalsRoutes(GatewayAccess access, MetricsHistory history, ObjectMapper mapper) {
    this.access = access;
    this.history = history;
    this.mapper = mapper;
  }

  Route route() {
    return get(
        () ->
            path(
                segment("api").slash("v1").slash("metrics").slash("totals"),
                () -> access.withSession(ROUTE, principal -> answer())));
  }

  private Route answer() {
    return onComplete(
        body(),
        body ->
            complete(
                access.counted(
                    ROUTE,
                    body.isSuccess()
                        ? HttpResponse.create()
                            .withEntity(ContentTypes.APPLICATION_JSON, body.get().toString())
                        : access.error(
                            StatusCodes.SERVICE_UNAVAILABLE.intValue(),
                            "the cluster's stage counters could not be gathered ("
                                + body.failed().get().getMessage()
                                + "); try again shortly"))));
  }

  /** Every node's newest figures, summed: the route's body, which the totals topic pushes too. */
  CompletionStage<JsonNode> body() {
    return history
        .latest(ClusterTotals.FAMILIES)
        .thenApply(view -> render(mapper, totals.add(view)));
  }

  static ObjectNode render(ObjectMapper mapper, ClusterTotals.Sum sum) {
    ObjectNode body = mapper.createObjectNode();
    body.put("at", sum.at());
    body.put("stale_after_ms", sum.staleAfterMs());
    ArrayNode nodes = body.putArray("nodes");
    for (ClusterTotals.Member member : sum.members()) {
      ObjectNode entry = nodes.addObject().put("node", member.node());
      entry.put("counted", member.counted());
      if (member.sampledAt().isPresent()) {
        entry.put("sampled_at", member.sampledAt().getAsLong());
        entry.put("age_ms", Math.max(0, sum.at() - member.sampledAt().getAsLong()));
      } else {
        entry.putNull("sampled_at");
        entry.putNull("age_ms");
      }
      member.failure().ifPresent(failure -> entry.put("error", failure));
    }
    ArrayNode stages = body.putArray("stages");
    sum.counts()
        .forEach(
            (labels, value) -> {
              ObjectNode entry = stages.addObject();
              labels.asMap().forEach(entry::put);
              entry.put("value", value);
              Double rate = sum.rates().get(labels);
              if (rate == null) {
                entry.putNull("rate");
              } else {
                entry.put("rate", rate);
              }
            });
    LossRows.render(sum.counts(), body.putArray("loss"));
    latencyRows(sum.latency(), body.putArray("latency"));
    return body;
  }

  /** One row per stage series, its quantiles as {@code p50_ms} and {@code p99_ms}. */
  private static void latencyRows(Map<Labels, Double> quantiles, ArrayNode into) {
    Map<String, ObjectNode> rows = new TreeMap<>();
    quantiles.forEach(
        (labels, seconds) -> {
          Map<String, String> stage = new TreeMap<>(labels.asMap());
          String quantile = stage.remove("quantile");
          String field =
              LatencyQuantileSeries.P50.equals(quantile)
                  ? "p50_ms"
                  : LatencyQuantileSeries.P99.equals(quantile) ? "p99_ms" : null;
          if (field == null) {
            return;
          }
          ObjectNode row =
              rows.computeIfAbsent(
                  stage.toString(),
                  key -> {
                    ObjectNode fresh = into.addObject();
                    stage.forEach(fresh::put);
                    return fresh.putNull("p50_ms").putNull("p99_ms");
                  });
          row.put(field, seconds * 1000);
        });
  }
}
