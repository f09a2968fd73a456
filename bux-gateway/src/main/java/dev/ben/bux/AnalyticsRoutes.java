package dev.ben.bux;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ben.bux.api.ReadFailure;
import dev.ben.bux.socket.SnapshotPort;
import dev.ben.bux.socket.TopicFilter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/analytics?pipeline=}: web analytics of beacon pipelines, the body the
 * websocket's {@code analytics} topic pushes, behind a session or token of any role. With {@code
 * pipeline}, that pipeline's figures (404 when it takes no beacons); without, every beacon
 * pipeline's. A source that does not answer within {@code ben.gateway.read-timeout}, or a node that
 * lends none, is answered 503.
 */
final class AnalyticsRoutes extends AllDirectives {

  private static final String ROUTE = "api_analytics";

  private final GatewayAccess access;
  private final Optional<SnapshotPort> analytics;
  private final Duration readTimeout;

  AnalyticsRoutes(GatewayAccess access, Optional<SnapshotPort> analytics, Duration readTimeout) {
    this.access = access;
    this.analytics = analytics;
    this.readTimeout = readTimeout;
  }

  Route route() {
    return get(
        () ->
            path(
                segment("api").slash("v1").slash("analytics"),
                () ->
                    access.withSession(
                        ROUTE, principal -> parameterOptional("pipeline", this::answer))));
  }

  private Route answer(Optional<String> pipeline) {
    if (pipeline.isPresent() && pipeline.get().isBlank()) {
      return complete(
          error(
              StatusCodes.BAD_REQUEST.intValue(),
              "pipeline, when given, names a beacon pipeline; leave it out for all"));
    }
    if (analytics.isEmpty()) {
      return complete(
          error(
              StatusCodes.SERVICE_UNAVAILABLE.intValue(),
              "this node has no source of web analytics; ask a gateway node of the cluster"));
    }
    TopicFilter filter =
        new TopicFilter(pipeline.map(name -> Map.of("pipeline", name)).orElse(Map.of()));
    return completeWithFuture(
        analytics
            .get()
            .read(filter)
            .toCompletableFuture()
            .orTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .thenApply(this::json)
            .exceptionally(this::failed));
  }

  private HttpResponse json(JsonNode body) {
    return access.counted(
        ROUTE, HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, body.toString()));
  }

  private HttpResponse failed(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof ReadFailure read) {
      return error(
          switch (read.kind()) {
            case NOT_FOUND -> StatusCodes.NOT_FOUND.intValue();
            case BAD_REQUEST -> StatusCodes.BAD_REQUEST.intValue();
            case UNAVAILABLE -> StatusCodes.SERVICE_UNAVAILABLE.intValue();
          },
          read.getMessage());
    }
    return error(
        StatusCodes.SERVICE_UNAVAILABLE.intValue(),
        (cause instanceof TimeoutException
                ? "web analytics were not read within " + readTimeout.toMillis() + " ms"
                : "web analytics could not be read (" + cause.getMessage() + ")")
            + "; try again (ben.gateway.read-timeout bounds the wait)");
  }

  private HttpResponse error(int status, String message) {
    return access.counted(ROUTE, access.error(status, message));
  }
}
