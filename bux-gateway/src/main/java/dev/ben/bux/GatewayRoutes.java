package dev.ben.bux;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.ApiRoutes;
import dev.ben.bux.socket.BuxSocket;
import dev.ben.config.GatewaySettings;
import dev.ben.streams.auth.PasswordCheck;
import dev.ben.streams.auth.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;

/**
 * The gateway's HTTP surface: {@code GET /health} (open, for probes), the bux page with its assets
 * (open, so it can show the login form), {@code /api/v1/session} (log in and out), and behind a
 * session cookie or a Bearer token {@code GET /metrics}, {@code GET /ws} (websocket push, from the
 * gateway's own or an allowed origin only) and ben_api's reads ({@link ApiRoutes}). Every answer is
 * counted by route and status, every refusal by reason.
 */
public final class GatewayRoutes extends AllDirectives {

  /** Where pekko runs blocking work, as the node's other blocking calls do. */
  private static final String BLOCKING_DISPATCHER = "pekko.actor.default-blocking-io-dispatcher";

  /** Where the uPlot WebJar keeps the files the bux page loads. */
  private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist";

  private final ObjectMapper mapper = new ObjectMapper();
  private final BuxSocket socket;
  private final GatewayAccess access;
  private final SessionRoutes session;
  private final OpsRoutes ops;
  private final HistoryRoutes history;
  private final TotalsRoutes totals;
  private final ApiRoutes api;
  private final EventLogRoutes eventLog;
  private final AnalyticsRoutes analytics;

  /**
   * {@code servedOverTls}: whether browsers reach the gateway over https, which makes the session
   * cookie Secure and the gateway's own origin an https one.
   */
  public GatewayRoutes(
      ClassicActorSystemProvider system,
      GatewaySettings settings,
      GatewayPorts ports,
      boolean servedOverTls) {
    this.access =
        new GatewayAccess(
            new OriginCheck(settings.allowedOrigins(), servedOverTls),
            new SessionCredentials(ports.tokens(), ports.users()),
            GatewayCounters.forGateway(ports.metrics()),
            mapper);
    this.ops = new OpsRoutes(access, ports.metrics(), ports.health(), mapper);
    this.history = new HistoryRoutes(access, ports.history(), mapper);
    this.totals = new TotalsRoutes(access, ports.history(), mapper);
    this.api =
        new ApiRoutes(
            access,
            new ApiRoutes.ApiPorts(ports.ledger(), ports.cluster(), ports.events()),
            settings.readTimeout(),
            settings.queryMaxRange(),
            Clock.systemUTC());
    this.analytics =
        new AnalyticsRoutes(access, ports.topics().analytics(), settings.readTimeout());
    this.socket =
        new BuxSocket(
            settings,
            ports.live(),
            ports.metrics(),
            GatewayTopics.of(ports, api, totals, mapper, settings.countersInterval()),
            ports.bundles(),
            mapper,
            Materializer.matFromSystem(system),
            system.classicSystem().dispatchers().lookup(BLOCKING_DISPATCHER));
    this.eventLog = new EventLogRoutes(access, ports.eventLog(), mapper, Clock.systemUTC());
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
        ops.route(),
        history.route(),
        totals.route(),
        analytics.route(),
        api.route(),
        eventLog.route(),
        get(
            () ->
                concat(
                    path(
                        "ws",
                        () ->
                            access.sameOrigin(
                                "ws", () -> access.withSession("ws", this::liveSocket))),
                    pathSingleSlash(() -> getFromResource("bux/index.html")),
                    pathPrefix(segment("assets").slash("vendor").slash("uplot"), this::uplot),
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

  /**
   * uPlot's files from its WebJar on the class path, so the page fetches nothing from elsewhere.
   */
  private Route uplot() {
    return getFromResourceDirectory(UPLOT);
  }

  /** The websocket, closed when the session that opened it expires. */
  private Route liveSocket(Principal principal) {
    // A token within the clock leeway past its expiry is still accepted: its socket closes at once.
    Duration left = Duration.between(Instant.now(), principal.expiresAt());
    return handleWebSocketMessages(
        socket.flow(
            principal,
            left.isNegative() ? Duration.ZERO : left,
            () -> access.countRefusal(Refusal.BAD_FRAME)));
  }
}
