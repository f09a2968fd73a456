package dev.ben.bux.api;

import dev.ben.streams.auth.Principal;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * What ben_api's routes need of the gateway's access rules: a session check, the read-only refusal,
 * counting each answer by route, and JSON errors. The gateway implements it, so these routes follow
 * the same rules as every other gateway route without depending on the gateway's package.
 */
public interface RouteAccess {

  /** The inner route with the caller's principal, when its token or session cookie is valid. */
  Route withSession(String route, Function<Principal, Route> inner);

  /** A request that would change something, on a surface that only reads: 405, allowing GET. */
  Route readOnly(String route);

  /** Counts the answer under the route and its status, and returns it. */
  HttpResponse counted(String route, HttpResponse response);

  /** A JSON error {@code {"error": message}} with the status. */
  HttpResponse error(int status, String message);
}
