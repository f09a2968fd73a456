package dev.ben.bux;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.GatewaySettings;
import dev.ben.streams.metrics.Labels;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;

/**
 * The gateway's HTTP surface: {@code GET /health}, {@code GET /metrics}, {@code GET /ws} (websocket
 * push) and the bux page with its assets. Only GET is served; every answer is counted by route and
 * status.
 */
public final class GatewayRoutes extends AllDirectives {

  /** Prometheus text exposition format 0.0.4. */
  private static final ContentType PROMETHEUS =
      ContentTypes.parse("text/plain; version=0.0.4; charset=utf-8");

  private final GatewayPorts ports;
  private final ObjectMapper mapper = new ObjectMapper();
  private final LiveSocket socket;

  public GatewayRoutes(
      ClassicActorSystemProvider system, GatewaySettings settings, GatewayPorts ports) {
    this.ports = ports;
    this.socket = new LiveSocket(settings, ports, mapper, Materializer.matFromSystem(system));
  }

  public Route route() {
    return concat(
        get(
            () ->
                concat(
                    path("health", () -> complete(counted("health", health()))),
                    path("metrics", () -> complete(counted("metrics", metrics()))),
                    path("ws", () -> handleWebSocketMessages(socket.flow())),
                    pathSingleSlash(() -> getFromResource("bux/index.html")),
                    pathPrefix(segment("assets"), () -> getFromResourceDirectory("bux/assets")))),
        extractUnmatchedPath(
            path ->
                complete(
                    counted(
                        "unknown",
                        json(
                            StatusCodes.NOT_FOUND,
                            mapper
                                .createObjectNode()
                                .put(
                                    "error",
                                    "nothing at `"
                                        + path
                                        + "`; the gateway serves GET /, "
                                        + "/health, /metrics and the websocket /ws")
                                .toString())))));
  }

  private HttpResponse health() {
    HealthReport report = ports.health().get();
    StatusCode status =
        report.status() == HealthReport.Status.DOWN
            ? StatusCodes.SERVICE_UNAVAILABLE
            : StatusCodes.OK;
    try {
      return json(status, mapper.writeValueAsString(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the health report", e);
    }
  }

  private HttpResponse metrics() {
    return HttpResponse.create()
        .withEntity(
            PROMETHEUS,
            ports.metrics().renderPrometheus().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static HttpResponse json(StatusCode status, String body) {
    return HttpResponse.create().withStatus(status).withEntity(ContentTypes.APPLICATION_JSON, body);
  }

  private HttpResponse counted(String route, HttpResponse response) {
    ports
        .metrics()
        .counter(
            "ben_gateway_requests_total",
            "Gateway HTTP requests by route and status.",
            Labels.of("route", route, "status", Integer.toString(response.status().intValue())))
        .increment();
    return response;
  }
}
