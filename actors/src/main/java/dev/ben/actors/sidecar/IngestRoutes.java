package dev.ben.actors.sidecar;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.actors.signal.SignalStream;
import dev.ben.config.IngestSettings;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.sidecar.NdjsonIngest;
import dev.ben.streams.sidecar.beacon.PreAnonymiser;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;

/**
 * {@code POST /api/v1/events?pipeline=NAME} (NDJSON body), {@code POST /api/v1/invoke/NAME} (one
 * event, answered with its decision), {@code GET|POST /api/v1/beacon} and {@code POST
 * /api/v1/beacon/log} (web beacons and server logs, pre-anonymised) and {@code GET /api/v1/signals}
 * (the app's signals as server-sent events); the app from {@code ?app=} or {@code X-Ben-App}, else
 * {@code default}. Every request is answered with what was accepted and refused; every answer is
 * counted.
 */
public final class IngestRoutes extends AllDirectives {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final ActorSystem<?> system;
  private final IngestSettings settings;
  private final ActorRef<PipelineDirectory.Command> directory;
  private final MetricsRegistry metrics;
  private final ObjectMapper mapper;
  private final IngestResponses responses;
  private final InvokeEndpoint invoke;
  private final SignalStream signals;
  private final BeaconEndpoint beacons;

  public IngestRoutes(
      ActorSystem<?> system,
      IngestSettings settings,
      ActorRef<PipelineDirectory.Command> directory,
      MetricsRegistry metrics,
      ObjectMapper mapper,
      SignalStream signals,
      PreAnonymiser anonymiser) {
    this.system = system;
    this.settings = settings;
    this.directory = directory;
    this.metrics = metrics;
    this.mapper = mapper;
    this.responses = new IngestResponses(mapper);
    this.invoke = new InvokeEndpoint(system, settings, directory, mapper, responses);
    this.signals = signals;
    this.beacons = new BeaconEndpoint(system, settings, directory, mapper, responses, anonymiser);
  }

  public Route route() {
    return concat(
        path(
            segment("api").slash("v1").slash("events"),
            () ->
                concat(
                    post(
                        () ->
                            named(
                                "events",
                                (pipeline, app) ->
                                    extractRequestEntity(
                                        entity ->
                                            completeWithFuture(
                                                counted(
                                                    "events", events(pipeline, app, entity)))))),
                    complete(
                        counted(
                            "events",
                            responses.error(
                                StatusCodes.METHOD_NOT_ALLOWED,
                                "use POST with an NDJSON body, one JSON object per line"))))),
        path(
            segment("api").slash("v1").slash("invoke").slash(segment()),
            pipeline ->
                concat(
                    post(
                        () ->
                            app(
                                "invoke",
                                Optional.of(pipeline),
                                app ->
                                    extractRequestEntity(
                                        entity ->
                                            completeWithFuture(
                                                counted(
                                                    "invoke",
                                                    invoke.invoke(pipeline, app, entity)))))),
                    complete(
                        counted(
                            "invoke",
                            responses.error(
                                StatusCodes.METHOD_NOT_ALLOWED,
                                "use POST with one JSON event as the body"))))),
        path(
            segment("api").slash("v1").slash("beacon"),
            () ->
                named(
                    "beacon",
                    (pipeline, app) ->
                        concat(
                            get(
                                () ->
                                    parameterMap(
                                        query ->
                                            clientIp(
                                                ip ->
                                                    userAgent(
                                                        agent ->
                                                            completeWithFuture(
                                                                counted(
                                                                    "beacon",
                                                                    beacons.fromQuery(
                                                                        pipeline, app, query, ip,
                                                                        agent))))))),
                            post(
                                () ->
                                    clientIp(
                                        ip ->
                                            userAgent(
                                                agent ->
                                                    body(
                                                        settings.maxLineBytes(),
                                                        bytes ->
                                                            counted(
                                                                "beacon",
                                                                beacons.fromBody(
                                                                    pipeline, app, bytes, ip,
                                                                    agent))))))))),
        path(
            segment("api").slash("v1").slash("beacon").slash("log"),
            () ->
                post(
                    () ->
                        named(
                            "beacon_log",
                            (pipeline, app) ->
                                body(
                                    settings.maxRequestBytes(),
                                    bytes ->
                                        counted(
                                            "beacon_log",
                                            beacons.fromLog(pipeline, app, bytes)))))),
        path(
            segment("api").slash("v1").slash("signals"),
            () ->
                concat(
                    get(
                        () ->
                            app(
                                "signals",
                                Optional.empty(),
                                app -> {
                                  count("signals", 200);
                                  return completeOK(
                                      signals.of(app), EventStreamMarshalling.toEventStream());
                                })),
                    complete(
                        counted(
                            "signals",
                            responses.error(
                                StatusCodes.METHOD_NOT_ALLOWED,
                                "use GET; the response is a stream of server-sent events"))))),
        extractUnmatchedPath(
            path ->
                complete(
                    counted(
                        "unknown",
                        responses.error(
                            StatusCodes.NOT_FOUND,
                            "no ingest endpoint at `"
                                + path
                                + "`; events go to POST /api/v1/events?pipeline=NAME")))));
  }

  private CompletionStage<HttpResponse> events(String pipeline, String app, HttpEntity entity) {
    if (entity.getContentLengthOption().orElse(0L) > settings.maxRequestBytes()) {
      entity.discardBytes(system);
      return done(
          responses.error(
              StatusCodes.CONTENT_TOO_LARGE,
              "the request body of "
                  + entity.getContentLengthOption().getAsLong()
                  + " bytes exceeds "
                  + settings.maxRequestBytes()
                  + "; split it into smaller requests or raise ben.ingest.max-request-bytes"));
    }
    return PipelineDirectory.lookup(directory, pipeline, system)
        .thenCompose(
            found ->
                found
                    .ingress()
                    .map(
                        ingress ->
                            new NdjsonIngest(
                                    mapper,
                                    settings.maxLineBytes(),
                                    settings.offerTimeout(),
                                    ingress.sidecarCounters())
                                .ingest(
                                    entity.withSizeLimit(settings.maxRequestBytes()).getDataBytes(),
                                    pipeline,
                                    app,
                                    ingress.sink(),
                                    org.apache.pekko.stream.Materializer.matFromSystem(system))
                                .thenApply(report -> responses.report(pipeline, report))
                                .exceptionally(this::failedRead))
                    .orElseGet(
                        () -> {
                          entity.discardBytes(system);
                          return done(responses.unknownPipeline(pipeline, found.running()));
                        }));
  }

  /**
   * The pipeline ({@code ?pipeline=}) and the app a request names, both checked (400 when bad,
   * counted).
   */
  private Route named(String route, java.util.function.BiFunction<String, String, Route> inner) {
    return parameterOptional(
        "pipeline",
        pipeline ->
            app(
                route,
                pipeline.or(() -> Optional.of("")),
                app -> inner.apply(pipeline.orElseThrow(), app)));
  }

  /**
   * The app a request names ({@code ?app=} or {@code X-Ben-App}, else {@code default}) checked, and
   * the pipeline when the route has one: names are letters, digits, {@code _ . -}, at most 64.
   */
  private Route app(
      String route, Optional<String> pipeline, java.util.function.Function<String, Route> inner) {
    return parameterOptional(
        "app",
        app ->
            optionalHeaderValueByName(
                "X-Ben-App",
                header -> {
                  String appName = app.or(() -> header).orElse("default");
                  if (pipeline.isPresent() && !NAME.matcher(pipeline.get()).matches()) {
                    return complete(
                        counted(
                            route,
                            responses.error(
                                StatusCodes.BAD_REQUEST,
                                "name the pipeline with "
                                    + "?pipeline=NAME (letters, digits, `_`, `.`, `-`, at most 64)")));
                  }
                  if (!NAME.matcher(appName).matches()) {
                    return complete(
                        counted(
                            route,
                            responses.error(
                                StatusCodes.BAD_REQUEST,
                                "the app name `"
                                    + appName
                                    + "` must be letters, digits, `_`, `.`, `-`, at most 64")));
                  }
                  return inner.apply(appName);
                }));
  }

  private Route clientIp(java.util.function.Function<String, Route> inner) {
    return extractClientIP(
        remote -> inner.apply(remote.getAddress().map(a -> a.getHostAddress()).orElse(null)));
  }

  private Route userAgent(java.util.function.Function<String, Route> inner) {
    return optionalHeaderValueByName("User-Agent", agent -> inner.apply(agent.orElse(null)));
  }

  /** The whole body, at most {@code limit} bytes (a beacon or a log chunk, never a stream). */
  private Route body(
      long limit, java.util.function.Function<byte[], CompletionStage<HttpResponse>> inner) {
    return extractRequestEntity(
        entity ->
            completeWithFuture(
                entity
                    .withSizeLimit(limit)
                    .toStrict(
                        settings.offerTimeout().toMillis(),
                        org.apache.pekko.stream.Materializer.matFromSystem(system))
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

  private HttpResponse failedRead(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    while (cause.getCause() != null && !(cause instanceof EntityStreamSizeException)) {
      cause = cause.getCause();
    }
    if (cause instanceof EntityStreamSizeException) {
      // Only a chunked body without a length gets here: lines before the limit were accepted and
      // counted.
      return responses.error(
          StatusCodes.CONTENT_TOO_LARGE,
          "the chunked request body exceeds "
              + settings.maxRequestBytes()
              + " bytes; the lines before the limit were accepted, send the rest in "
              + "smaller requests or raise ben.ingest.max-request-bytes");
    }
    return responses.error(
        StatusCodes.BAD_REQUEST, "the request body could not be read: " + cause.getMessage());
  }

  private CompletionStage<HttpResponse> counted(
      String route, CompletionStage<HttpResponse> response) {
    return response.thenApply(r -> counted(route, r));
  }

  private HttpResponse counted(String route, HttpResponse response) {
    count(route, response.status().intValue());
    return response;
  }

  private void count(String route, int status) {
    metrics
        .counter(
            "ben_ingest_requests_total",
            "Ingest HTTP requests by route and status.",
            Labels.of("route", route, "status", Integer.toString(status)))
        .increment();
  }

  private static CompletionStage<HttpResponse> done(HttpResponse response) {
    return java.util.concurrent.CompletableFuture.completedFuture(response);
  }
}
