package dev.ben.bux;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.RouteAccess;
import dev.ben.streams.auth.Principal;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.Allow;
import org.apache.pekko.http.javadsl.model.headers.HttpCookiePair;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The gateway's two gates: the page's origin (for websocket upgrades and session changes) and the
 * caller's session or token (for everything but the page, its assets and /health). A refused
 * request is answered at once and counted by reason and by route. Public for the route classes of
 * the sub-packages; only the gateway builds one.
 */
public final class GatewayAccess extends AllDirectives implements RouteAccess {

  private final OriginCheck origins;
  private final SessionCredentials credentials;
  private final GatewayCounters counters;
  private final ObjectMapper mapper;

  GatewayAccess(
      OriginCheck origins,
      SessionCredentials credentials,
      GatewayCounters counters,
      ObjectMapper mapper) {
    this.origins = origins;
    this.credentials = credentials;
    this.counters = counters;
    this.mapper = mapper;
  }

  /** The inner route when the request comes from no page, the gateway's own or an allowed one. */
  Route sameOrigin(String route, Supplier<Route> inner) {
    return optionalHeaderValueByName(
        "Origin",
        origin ->
            optionalHeaderValueByName(
                "Host",
                host ->
                    origins.allows(origin, host)
                        ? inner.get()
                        : refuse(route, Refusal.FOREIGN_ORIGIN)));
  }

  /** The inner route with the caller's principal, when its token or session cookie is valid. */
  @Override
  public Route withSession(String route, Function<Principal, Route> inner) {
    return optionalHeaderValueByName(
        "Authorization",
        authorization ->
            optionalCookie(
                SessionCredentials.COOKIE,
                cookie -> {
                  SessionCredentials.Verdict verdict =
                      credentials.verify(authorization, cookie.map(HttpCookiePair::value));
                  return verdict
                      .principal()
                      .map(inner)
                      .orElseGet(() -> refuse(route, verdict.refusal().orElseThrow()));
                }));
  }

  /** Counts a refusal answered elsewhere (an error frame on a websocket). */
  void countRefusal(Refusal refusal) {
    counters.refused(refusal);
  }

  Route refuse(String route, Refusal refusal) {
    counters.refused(refusal);
    return complete(counted(route, error(refusal.status().intValue(), refusal.message())));
  }

  /** A request that would change something, on a surface that only reads: 405, allowing GET. */
  @Override
  public Route readOnly(String route) {
    counters.refused(Refusal.READ_ONLY);
    return complete(
        counted(
            route,
            error(Refusal.READ_ONLY.status().intValue(), Refusal.READ_ONLY.message())
                .addHeader(Allow.create(HttpMethods.GET))));
  }

  @Override
  public HttpResponse counted(String route, HttpResponse response) {
    return counters.counted(route, response);
  }

  /** A JSON error {@code {"error": message}} with the status. */
  @Override
  public HttpResponse error(int status, String message) {
    return HttpResponse.create()
        .withStatus(status)
        .withEntity(
            ContentTypes.APPLICATION_JSON,
            mapper.createObjectNode().put("error", message).toString());
  }
}
