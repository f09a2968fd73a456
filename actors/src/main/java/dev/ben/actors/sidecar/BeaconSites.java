package dev.ben.actors.sidecar;

import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.auth.BeaconOrigins;
import dev.ben.streams.auth.StoredApp;
import dev.ben.streams.sidecar.beacon.ClientAddress;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Web beacons come from browsers, which cannot keep a key: a beacon names its site ({@code
 * ?site=APP}), an app registered with the origins its pages are served from, and is taken only from
 * a page of one of them ({@code Origin}, else the origin of {@code Referer}). Refusals are counted
 * in {@code ben_ingest_refused_total{reason}}. The client's address is the TCP peer unless the peer
 * is a trusted proxy ({@code ben.ingest.trusted-proxies}).
 */
final class BeaconSites extends AllDirectives {

  private final AppKeyCheck keys;
  private final ClientAddress addresses;
  private final IngestResponses responses;
  private final IngestRequestCounts counts;

  BeaconSites(
      AppKeyCheck keys,
      ClientAddress addresses,
      IngestResponses responses,
      IngestRequestCounts counts) {
    this.keys = keys;
    this.addresses = addresses;
    this.responses = responses;
    this.counts = counts;
  }

  /** Runs {@code inner} with the app of the beacon's site, or answers why not. */
  Route site(String route, Function<String, Route> inner) {
    return parameterOptional(
        "site",
        site ->
            optionalHeaderValueByName(
                "Origin",
                origin ->
                    optionalHeaderValueByName(
                        "Referer",
                        referer -> {
                          if (site.isEmpty() || site.get().isBlank()) {
                            return refuse(
                                route,
                                "missing_site",
                                StatusCodes.BAD_REQUEST,
                                "name the beacon's site with ?site=APP (the app an admin created"
                                    + " with --beacon-origin)");
                          }
                          Optional<String> from =
                              origin
                                  .flatMap(BeaconOrigins::of)
                                  .or(() -> referer.flatMap(BeaconOrigins::of));
                          return onComplete(
                              keys.app(site.get()),
                              found ->
                                  found.isSuccess()
                                      ? checked(route, site.get(), found.get(), from, inner)
                                      : refuse(
                                          route,
                                          "key_check_failed",
                                          StatusCodes.SERVICE_UNAVAILABLE,
                                          "the node could not read the site from its identity"
                                              + " store; retry shortly"));
                        })));
  }

  private Route checked(
      String route,
      String site,
      Optional<StoredApp> app,
      Optional<String> from,
      Function<String, Route> inner) {
    if (app.isEmpty() || app.get().isRevoked() || app.get().beaconOrigins().isEmpty()) {
      return refuse(
          route,
          "unknown_site",
          StatusCodes.FORBIDDEN,
          "no app `"
              + site
              + "` takes beacons here (unknown, revoked, or created without origins)");
    }
    if (from.isEmpty() || !app.get().beaconOrigins().contains(from.get())) {
      return refuse(
          route,
          "origin_not_allowed",
          StatusCodes.FORBIDDEN,
          "site `"
              + site
              + "` takes beacons only from pages of its registered origins; this one came from "
              + from.orElse("no origin (neither Origin nor Referer was sent)"));
    }
    return inner.apply(app.get().name());
  }

  /**
   * The client's address (never null: the TCP peer at least) and {@code User-Agent} (null when not
   * sent).
   */
  Route caller(BiFunction<String, String, Route> inner) {
    return extractRequest(
        request ->
            optionalHeaderValueByName(
                "X-Forwarded-For",
                forwarded ->
                    optionalHeaderValueByName(
                        "User-Agent",
                        agent ->
                            inner.apply(
                                request
                                    .getAttribute(AttributeKeys.remoteAddress)
                                    .flatMap(RemoteAddress::getAddress)
                                    .map(peer -> addresses.of(peer, forwarded).getHostAddress())
                                    .orElse(null),
                                agent.orElse(null)))));
  }

  private Route refuse(String route, String reason, StatusCode status, String message) {
    counts.refused(reason);
    return complete(counts.counted(route, responses.error(status, message)));
  }
}
