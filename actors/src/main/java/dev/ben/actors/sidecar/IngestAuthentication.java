package dev.ben.actors.sidecar;

import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.auth.KeyRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
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

  /** What the key check decided: the request's app, or the counted answer refusing it. */
  sealed interface Admission {
    record Admitted(String app) implements Admission {}

    record Answered(HttpResponse response) implements Admission {}
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
                            onSuccess(
                                admission(route, authorization, claimed(parameter, header)),
                                admission ->
                                    admission instanceof Admission.Admitted admitted
                                        ? inner.apply(admitted.app())
                                        : complete(((Admission.Answered) admission).response())))));
  }

  /**
   * The app of the {@code Authorization} header's key, which every app the client {@code claimed}
   * must repeat, or the answer saying why not (counted under {@code route}); the one decision the
   * routes and {@link IngestDispatch}'s direct invocations share. Never fails: an identity store
   * that cannot be read is a 503 answer.
   */
  CompletionStage<Admission> admission(
      String route, Optional<String> authorization, List<String> claimed) {
    return keys.check(key(authorization), claimed)
        .handle(
            (outcome, failure) -> failure == null ? decided(route, outcome) : unavailable(route));
  }

  private Admission decided(String route, AppKeyCheck.Outcome outcome) {
    if (outcome instanceof AppKeyCheck.Accepted accepted) {
      return new Admission.Admitted(accepted.app().name());
    }
    AppKeyCheck.Refused refused = (AppKeyCheck.Refused) outcome;
    counts.refused(refused.reason().label());
    return new Admission.Answered(
        counts.counted(route, refusal(refused.reason(), refused.message())));
  }

  private HttpResponse refusal(KeyRefusal reason, String message) {
    if (reason.forbidden()) {
      return responses.error(StatusCodes.FORBIDDEN, message);
    }
    return responses
        .error(StatusCodes.UNAUTHORIZED, message + "; send it as `Authorization: Bearer <key>`")
        .addHeader(WWWAuthenticate.create(CHALLENGE));
  }

  private Admission unavailable(String route) {
    counts.refused("key_check_failed");
    return new Admission.Answered(
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

  static List<String> claimed(Optional<String> parameter, Optional<String> header) {
    List<String> claimed = new ArrayList<>();
    parameter.ifPresent(claimed::add);
    header.ifPresent(claimed::add);
    return claimed;
  }
}
