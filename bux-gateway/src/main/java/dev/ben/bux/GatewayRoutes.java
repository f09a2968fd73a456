package dev.ben.bux;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.GatewaySettings;
import dev.ben.streams.auth.PasswordCheck;
import dev.ben.streams.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;

/**
 * The gateway's HTTP surface: {@code GET /health} (open, for probes), the bux page with its assets
 * (open, so it can show the login form), {@code /api/v1/session} (log in and out), and behind a
 * session cookie or a Bearer token {@code GET /metrics} and {@code GET /ws} (websocket push, from
 * the gateway's own or an allowed origin only). Every answer is counted by route and status, every
 * refusal by reason.
 */
public final class GatewayRoutes extends AllDirectives {

  /** Prometheus text exposition format 0.0.4. */
  private static final ContentType PROMETHEUS =
      ContentTypes.parse("text/plain; version=0.0.4; charset=utf-8");

  /** Where pekko runs blocking work, as the node's other blocking calls do. */
  private static final String BLOCKING_DISPATCHER = "pekko.actor.default-blocking-io-dispatcher";

  private final GatewayPorts ports;
  private final ObjectMapper mapper = new ObjectMapper();
  private final LiveSocket socket;
  private final GatewayAccess access;
  private final SessionRoutes session;

  /**
   * {@code servedOverTls}: whether browsers reach the gateway over https, which makes the session
   * cookie Secure and the gateway's own origin an https one.
   */
  public GatewayRoutes(
      ClassicActorSystemProvider system,
      GatewaySettings settings,
      GatewayPorts ports,
      boolean servedOverTls) {
    this.ports = ports;
    this.socket = new LiveSocket(settings, ports, mapper, Materializer.matFromSystem(system));
    this.access =
        new GatewayAccess(
            new OriginCheck(settings.allowedOrigins(), servedOverTls),
            new SessionCredentials(ports.tokens(), ports.users()),
            new GatewayCounters(ports.metrics()),
            mapper);
    this.session =
        new SessionRoutes(
            access,
            new PasswordCheck(ports.identities()),
            ports.tokens(),
            new SessionCookies(servedOverTls),
            new LoginThrottle(
                settings.loginFailures(), settings.loginFailureWindow(), Clock.systemUTC()),
            system.classicSystem().dispatchers().lookup(BLOCKING_DISPATCHER),
            mapper);
  }

  /**
   * Binds the routes with the peer's address on every request, which the login throttle keys on.
   */
  public CompletionStage<ServerBinding> bind(ServerBuilder server) {
    return server
        .adaptSettings(settings -> settings.withRemoteAddressAttribute(true))
        .bind(route());
  }

  public Route route() {
    return concat(
        session.route(),
        get(
            () ->
                concat(
                    path("health", () -> complete(access.counted("health", health()))),
                    path(
                        "metrics",
                        () ->
                            access.withSession(
                                "metrics",
                                principal -> complete(access.counted("metrics", metrics())))),
                    path(
                        "ws",
                        () ->
                            access.sameOrigin(
                                "ws", () -> access.withSession("ws", this::liveSocket))),
                    pathSingleSlash(() -> getFromResource("bux/index.html")),
                    pathPrefix(segment("assets"), () -> getFromResourceDirectory("bux/assets")))),
        extractUnmatchedPath(
            path ->
                complete(
                    access.counted(
                        "unknown",
                        access.error(
                            StatusCodes.NOT_FOUND.intValue(),
                            "nothing at `"
                                + path
                                + "`; the gateway serves GET /, /health, /metrics, the websocket"
                                + " /ws and /api/v1/session")))));
  }

  /** The websocket, closed when the session that opened it expires. */
  private Route liveSocket(Principal principal) {
    // A token within the clock leeway past its expiry is still accepted: its socket closes at once.
    Duration left = Duration.between(Instant.now(), principal.expiresAt());
    return handleWebSocketMessages(socket.flow(left.isNegative() ? Duration.ZERO : left));
  }

  private HttpResponse health() {
    HealthReport report = ports.health().get();
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
    return HttpResponse.create()
        .withEntity(
            PROMETHEUS, ports.metrics().renderPrometheus().getBytes(StandardCharsets.UTF_8));
  }
}
