package dev.ben.bux.api;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.bux.GatewayAccess;
import dev.ben.bux.socket.SnapshotPort;
import dev.ben.bux.socket.TopicFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/analytics?pipeline=}: web analytics of beacon pipelines, the body the
 * websocket's {@code analytics} topic pushes, behind a session or token of any role. With {@code
 * pipeline}, that pipeline's figures (404 when it takes no beacons); without, every beacon
 * pipeline's. A node that lends no analytics source answers 503.
 */
public final class AnalyticsRoutes extends AllDirectives {

  /** The path this route serves, as the OpenAPI document names it. */
  public static final String PATH = "/api/v1/analytics";

  private static final String ROUTE = "api_analytics";

  private final GatewayAccess access;
  private final Optional<SnapshotPort> analytics;
  private final ApiAnswers answers;

  public AnalyticsRoutes(
      GatewayAccess access, Optional<SnapshotPort> analytics, Duration readTimeout, Clock clock) {
    this.access = access;
    this.analytics = analytics;
    this.answers = new ApiAnswers(access, readTimeout, clock);
  }

  public Route route() {
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
          answers.bad(
              ROUTE, "pipeline, when given, names a beacon pipeline; leave it out for all"));
    }
    if (analytics.isEmpty()) {
      return complete(
          access.counted(
              ROUTE,
              access.error(
                  StatusCodes.SERVICE_UNAVAILABLE.intValue(),
                  "this node has no source of web analytics; ask a gateway node of the cluster")));
    }
    TopicFilter filter =
        new TopicFilter(pipeline.map(name -> Map.of("pipeline", name)).orElse(Map.of()));
    return completeWithFuture(
        answers
            .answer(ROUTE, analytics.get().read(filter), AnalyticsRoutes::object)
            .toCompletableFuture());
  }

  private static ObjectNode object(JsonNode body) {
    if (body instanceof ObjectNode object) {
      return object;
    }
    throw new IllegalStateException("the analytics source answered " + body.getNodeType());
  }
}
