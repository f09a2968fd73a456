package dev.ben.actors.sidecar;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.invoke.Invoker;
import dev.ben.actors.pipeline.PipelineTable;
import dev.ben.actors.screen.ScreenJson;
import dev.ben.actors.screen.Screener;
import dev.ben.actors.signal.SignalStream;
import dev.ben.config.IngestSettings;
import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.sidecar.beacon.ClientAddress;
import dev.ben.streams.sidecar.beacon.PreAnonymiser;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * {@code POST /api/v1/events?pipeline=NAME} (NDJSON body), {@code POST /api/v1/invoke/NAME} (one
 * event, answered with its decision), {@code GET|POST /api/v1/beacon} and {@code POST
 * /api/v1/beacon/log} (web beacons and server logs, pre-anonymised) and {@code GET /api/v1/signals}
 * (the app's signals as server-sent events) and {@code POST /api/v1/screen} (a name screened
 * against a pipeline's list). The app is the one whose key the request presents ({@link
 * IngestAuthentication}), for a web beacon the site it names ({@link BeaconSites}); either is
 * checked before the body is read. Every request is answered with what was accepted and refused;
 * every answer is counted. This class only routes: each endpoint's handling is its own class.
 */
public final class IngestRoutes extends AllDirectives {

  private final ActorSystem<?> system;
  private final IngestSettings settings;
  private final IngestResponses responses;
  private final IngestRequestCounts counts;
  private final EventsEndpoint events;
  private final InvokeEndpoint invoke;
  private final ScreenEndpoint screen;
  private final SignalStream signals;
  private final BeaconEndpoint beacons;
  private final IngestAuthentication authentication;
  private final BeaconSites sites;
  private final IngestContext ingest;

  public IngestRoutes(
      ActorSystem<?> system,
      IngestSettings settings,
      PipelineTable pipelines,
      Invoker invoker,
      Screener screener,
      MetricsRegistry metrics,
      ObjectMapper mapper,
      SignalStream signals,
      PreAnonymiser anonymiser,
      AppKeyCheck keys) {
    this.system = system;
    this.settings = settings;
    this.responses = new IngestResponses(mapper);
    this.counts = new IngestRequestCounts(metrics);
    this.authentication = new IngestAuthentication(keys, responses, counts);
    this.sites =
        new BeaconSites(keys, new ClientAddress(settings.trustedProxies()), responses, counts);
    this.ingest = new IngestContext(system, settings, pipelines, mapper, responses, counts);
    this.events = new EventsEndpoint(ingest);
    this.invoke = new InvokeEndpoint(ingest, invoker);
    this.screen = new ScreenEndpoint(responses, screener, new ScreenJson(mapper));
    this.signals = signals;
    this.beacons = new BeaconEndpoint(ingest, anonymiser);
  }

  /**
   * What the listener serves: invocations and NDJSON posts directly ({@link IngestDispatch}), the
   * rest routed.
   */
  public Flow<HttpRequest, HttpResponse, NotUsed> flow() {
    return new IngestDispatch(system, authentication, ingest, invoke, events, route()).flow();
  }

  public Route route() {
    return concat(
        path(segment("api").slash("v1").slash("events"), () -> timed("events", this::events)),
        path(
            segment("api").slash("v1").slash("invoke").slash(segment()),
            pipeline -> timed("invoke", () -> invoke(pipeline))),
        path(segment("api").slash("v1").slash("screen"), () -> timed("screen", this::screen)),
        path(segment("api").slash("v1").slash("beacon"), () -> timed("beacon", this::beacon)),
        path(
            segment("api").slash("v1").slash("beacon").slash("log"),
            () -> timed("beacon_log", this::beaconLog)),
        path(segment("api").slash("v1").slash("signals"), this::signals),
        extractUnmatchedPath(path -> timed("unknown", () -> unknown(path))));
  }

  /**
   * The route's answers timed from the request's arrival here to the response (the signals stream
   * is not: it lasts as long as the app listens). The clock is read when a request reaches the
   * route, an extraction deferring it to each request.
   */
  private Route timed(String route, Supplier<Route> inner) {
    return extractRequestContext(
        reached -> {
          long start = System.nanoTime();
          return mapResponse(
              response -> {
                counts.took(route, start);
                return response;
              },
              inner);
        });
  }

  private Route events() {
    return concat(
        post(
            () ->
                authentication.app(
                    "events",
                    app ->
                        pipeline(
                            "events",
                            pipeline ->
                                extractRequest(
                                    request ->
                                        completeWithFuture(
                                            counts.counted(
                                                "events",
                                                events.ingest(pipeline, app, request))))))),
        notAllowed("events", "use POST with an NDJSON body, one JSON object per line"));
  }

  private Route invoke(String pipeline) {
    return concat(
        post(
            () ->
                authentication.app(
                    "invoke",
                    app ->
                        named(
                            "invoke",
                            pipeline,
                            () ->
                                extractRequest(
                                    request ->
                                        completeWithFuture(
                                            counts.counted(
                                                "invoke",
                                                invoke.invoke(pipeline, app, request))))))),
        notAllowed("invoke", "use POST with one JSON event as the body"));
  }

  private Route screen() {
    return concat(
        post(
            () ->
                authentication.app(
                    "screen",
                    app ->
                        body(
                            settings.maxLineBytes(),
                            bytes -> counts.counted("screen", screen.screen(bytes))))),
        notAllowed(
            "screen", "use POST with a JSON body {\"pipeline\",\"list\",\"name\",\"within\"}"));
  }

  private Route beacon() {
    return sites.site(
        "beacon",
        app ->
            pipeline(
                "beacon",
                pipeline ->
                    concat(
                        get(
                            () ->
                                parameterMap(
                                    query ->
                                        sites.caller(
                                            (ip, agent) ->
                                                completeWithFuture(
                                                    counts.counted(
                                                        "beacon",
                                                        beacons.fromQuery(
                                                            pipeline, app, query, ip, agent)))))),
                        post(
                            () ->
                                sites.caller(
                                    (ip, agent) ->
                                        body(
                                            settings.maxLineBytes(),
                                            bytes ->
                                                counts.counted(
                                                    "beacon",
                                                    beacons.fromBody(
                                                        pipeline, app, bytes, ip, agent))))))));
  }

  private Route beaconLog() {
    return post(
        () ->
            authentication.app(
                "beacon_log",
                app ->
                    pipeline(
                        "beacon_log",
                        pipeline ->
                            body(
                                settings.maxRequestBytes(),
                                bytes ->
                                    counts.counted(
                                        "beacon_log", beacons.fromLog(pipeline, app, bytes))))));
  }

  private Route signals() {
    return concat(
        get(
            () ->
                authentication.app(
                    "signals",
                    app -> {
                      counts.count("signals", 200);
                      return completeOK(signals.of(app), EventStreamMarshalling.toEventStream());
                    })),
        notAllowed("signals", "use GET; the response is a stream of server-sent events"));
  }

  private Route unknown(String path) {
    return complete(
        counts.counted(
            "unknown",
            responses.error(
                StatusCodes.NOT_FOUND,
                "no ingest endpoint at `"
                    + path
                    + "`; events go to POST /api/v1/events?pipeline=NAME")));
  }

  /**
   * The 405 answer of a route's last alternative, built (and counted) only when a request reaches
   * it: the arguments of {@code concat} are built for every request that enters the route, and
   * {@code pass} builds its inner route at once, so only an extraction defers the count to the
   * request the alternative answers. Counted eagerly, every request the first alternative answered
   * also added a 405.
   */
  private Route notAllowed(String route, String howToCall) {
    return extractRequestContext(
        reached ->
            complete(
                counts.counted(route, responses.error(StatusCodes.METHOD_NOT_ALLOWED, howToCall))));
  }

  /** The pipeline a request names with {@code ?pipeline=}, checked (400 when bad, counted). */
  private Route pipeline(String route, Function<String, Route> inner) {
    return parameterOptional(
        "pipeline",
        pipeline -> named(route, pipeline.orElse(""), () -> inner.apply(pipeline.get())));
  }

  private Route named(String route, String pipeline, Supplier<Route> inner) {
    return IngestNames.refusal(pipeline)
        .map(
            refusal ->
                complete(counts.counted(route, responses.error(StatusCodes.BAD_REQUEST, refusal))))
        .orElseGet(inner);
  }

  /** The whole body, at most {@code limit} bytes (a beacon or a log chunk, never a stream). */
  private Route body(long limit, Function<byte[], CompletionStage<HttpResponse>> inner) {
    return extractRequestEntity(
        entity ->
            completeWithFuture(
                entity
                    .withSizeLimit(limit)
                    .toStrict(
                        settings.offerTimeout().toMillis(), Materializer.matFromSystem(system))
                    .thenCompose(strict -> inner.apply(strict.getData().toArray()))
                    .exceptionally(
                        failure ->
                            responses.error(
                                StatusCodes.CONTENT_TOO_LARGE,
                                "the body could not be read "
                                    + "whole within "
                                    + limit
                                    + " bytes: "
                                    + failure.getMessage()))));
  }
}
