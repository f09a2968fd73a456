package dev.ben.actors.sidecar;

import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.auth.KeyRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Which app a request is: the one whose key it presents as {@code Authorization: Bearer <key>},
 * checked before anything reads the body. {@code ?app=} and {@code X-Ben-App} may only repeat the
 * key's app. A missing, malformed, unknown or revoked key is answered 401, another app's name 403,
 * each counted in {@code ben_ingest_refused_total{reason}} as well as with the route's requests.
 */
final class IngestAuthentication extends AllDirectives {

  private static final String BEARER = "bearer ";
  private static final HttpChallenge CHALLENGE = HttpChallenge.create("Bearer", "ben-ingest");

  private final AppKeyCheck keys;
  private final IngestResponses responses;
  private final IngestRequestCounts counts;

  IngestAuthentication(AppKeyCheck keys, IngestResponses responses, IngestRequestCounts counts) {
    this.keys = keys;
    this.responses = responses;
    this.counts = counts;
  }

  /** Runs {@code inner} with the app of the request's key, or answers why there is none. */
  Route app(String route, Function<String, Route> inner) {
    return parameterOptional(
        "app",
        parameter ->
            optionalHeaderValueByName(
                "X-Ben-App",
                header ->
                    optionalHeaderValueByName(
                        "Authorization",
                        authorization ->
                            onComplete(
                                keys.check(key(authorization), claimed(parameter, header)),
                                outcome ->
                                    outcome.isSuccess()
                                        ? decided(route, outcome.get(), inner)
                                        : unavailable(route)))));
  }

  private Route decided(String route, AppKeyCheck.Outcome outcome, Function<String, Route> inner) {
    if (outcome instanceof AppKeyCheck.Accepted accepted) {
      return inner.apply(accepted.app().name());
    }
    AppKeyCheck.Refused refused = (AppKeyCheck.Refused) outcome;
    counts.refused(refused.reason().label());
    return complete(counts.counted(route, refusal(refused.reason(), refused.message())));
  }

  private HttpResponse refusal(KeyRefusal reason, String message) {
    if (reason.forbidden()) {
      return responses.error(StatusCodes.FORBIDDEN, message);
    }
    return responses
        .error(StatusCodes.UNAUTHORIZED, message + "; send it as `Authorization: Bearer <key>`")
        .addHeader(WWWAuthenticate.create(CHALLENGE));
  }

  private Route unavailable(String route) {
    counts.refused("key_check_failed");
    return complete(
        counts.counted(
            route,
            responses.error(
                StatusCodes.SERVICE_UNAVAILABLE,
                "the node could not read the app's key from its identity store; retry shortly")));
  }

  /**
   * The key of an {@code Authorization} header: what follows {@code Bearer}, else the whole value,
   * which then fails the check as malformed.
   */
  private static Optional<String> key(Optional<String> authorization) {
    return authorization.map(
        value ->
            value.strip().toLowerCase(Locale.ROOT).startsWith(BEARER)
                ? value.strip().substring(BEARER.length())
                : value);
  }

  private static List<String> claimed(Optional<String> parameter, Optional<String> header) {
    List<String> claimed = new ArrayList<>();
    parameter.ifPresent(claimed::add);
    header.ifPresent(claimed::add);
    return claimed;
  }
}
