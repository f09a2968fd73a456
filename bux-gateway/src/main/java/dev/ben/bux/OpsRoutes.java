package dev.ben.bux;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.HealthReport;
import dev.ben.streams.auth.CurrentUsers;
import dev.ben.streams.auth.Tokens;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /health} (open, for probes: a DOWN node answers 503) and {@code GET /metrics} (the
 * Prometheus text, behind a session cookie or a Bearer token of any role). Every node serves them:
 * a gateway node within {@link GatewayRoutes}, any other on its own ops endpoint ({@link
 * #endpoint()}), with the same checks.
 */
public final class OpsRoutes extends AllDirectives {

  private static final ContentType PROMETHEUS =
      ContentTypes.parse(MetricsRegistry.PROMETHEUS_CONTENT_TYPE);

  private final GatewayAccess access;
  private final MetricsRegistry metrics;
  private final Supplier<HealthReport> health;
  private final ObjectMapper mapper;

  OpsRoutes(
      GatewayAccess access,
      MetricsRegistry metrics,
      Supplier<HealthReport> health,
      ObjectMapper mapper) {
    this.access = access;
    this.metrics = metrics;
    this.health = health;
    this.mapper = mapper;
  }

  /**
   * The routes of a node's own ops endpoint, counted as {@code ben_ops_*}; {@code tokens} and
   * {@code users} check /metrics callers as the gateway does.
   */
  public static OpsRoutes forOpsEndpoint(
      MetricsRegistry metrics,
      Supplier<HealthReport> health,
      Tokens tokens,
      CurrentUsers users,
      boolean servedOverTls) {
    ObjectMapper mapper = new ObjectMapper();
    GatewayAccess access =
        new GatewayAccess(
            // No page is served here, so no origin but the endpoint's own is ever allowed.
            new OriginCheck(List.of(), servedOverTls),
            new SessionCredentials(tokens, users),
            GatewayCounters.forOps(metrics),
            mapper);
    return new OpsRoutes(access, metrics, health, mapper);
  }

  /** /health and /metrics, for a surface that serves more. */
  public Route route() {
    return get(
        () ->
            concat(
                path("health", () -> complete(access.counted("health", health()))),
                path(
                    "metrics",
                    () ->
                        access.withSession(
                            "metrics",
                            principal -> complete(access.counted("metrics", metrics()))))));
  }

  /** The whole ops endpoint: {@link #route()}, and a counted 404 naming both for anything else. */
  public Route endpoint() {
    return concat(
        route(),
        extractUnmatchedPath(
            path ->
                complete(
                    access.counted(
                        "unknown",
                        access.error(
                            StatusCodes.NOT_FOUND.intValue(),
                            "nothing at `"
                                + path
                                + "`; this node's ops endpoint serves GET /health and /metrics")))));
  }

  private HttpResponse health() {
    HealthReport report = health.get();
    StatusCode status =
        report.status() == HealthReport.Status.DOWN
            ? StatusCodes.SERVICE_UNAVAILABLE
            : StatusCodes.OK;
    try {
      return HttpResponse.create()
          .withStatus(status)
          .withEntity(ContentTypes.APPLICATION_JSON, mapper.writeValueAsString(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the health report", e);
    }
  }

  private HttpResponse metrics() {
    return HttpResponse.create().withEntity(PROMETHEUS, metrics.prometheusText());
  }
}
