package dev.ben.bux.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * How ben_api answers: a port's reply rendered as JSON (fields in snake_case, times as epoch
 * milliseconds), or the error its failure calls for, each answer counted by route. A port that does
 * not answer within the read timeout is answered 503, so no request waits on a lost backend.
 */
final class ApiAnswers {

  private final RouteAccess access;
  private final Duration readTimeout;
  private final Clock clock;
  private final ObjectMapper json =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  ApiAnswers(RouteAccess access, Duration readTimeout, Clock clock) {
    this.access = access;
    this.readTimeout = readTimeout;
    this.clock = clock;
  }

  /** A body object with {@code at}, the time of the answer, first. */
  ObjectNode body() {
    return json.createObjectNode().put("at", clock.millis());
  }

  /** An empty object, for bodies without {@code at}. */
  ObjectNode object() {
    return json.createObjectNode();
  }

  /** {@code value} as JSON, in the mapper's naming. */
  JsonNode tree(Object value) {
    return json.valueToTree(value);
  }

  /** A record's fields as a JSON object, in the mapper's naming. */
  ObjectNode fields(Record value) {
    return json.valueToTree(value);
  }

  <T> CompletionStage<HttpResponse> answer(
      String route, CompletionStage<T> read, Function<T, ObjectNode> render) {
    return read.toCompletableFuture()
        .orTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(value -> ok(route, render.apply(value)))
        .exceptionally(failure -> failed(route, failure));
  }

  HttpResponse ok(String route, ObjectNode body) {
    try {
      return access.counted(
          route,
          HttpResponse.create()
              .withEntity(ContentTypes.APPLICATION_JSON, json.writeValueAsString(body)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the answer of " + route, e);
    }
  }

  HttpResponse bad(String route, String message) {
    return access.counted(route, access.error(StatusCodes.BAD_REQUEST.intValue(), message));
  }

  private HttpResponse failed(String route, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof ApiParameters.Bad bad) {
      return bad(route, bad.getMessage());
    }
    if (cause instanceof ReadFailure read) {
      int status =
          switch (read.kind()) {
            case NOT_FOUND -> StatusCodes.NOT_FOUND.intValue();
            case BAD_REQUEST -> StatusCodes.BAD_REQUEST.intValue();
            case UNAVAILABLE -> StatusCodes.SERVICE_UNAVAILABLE.intValue();
          };
      return access.counted(route, access.error(status, read.getMessage()));
    }
    String why =
        cause instanceof TimeoutException
            ? "the backend did not answer within " + readTimeout.toMillis() + " ms"
            : "the read failed (" + cause + ")";
    return access.counted(
        route,
        access.error(
            StatusCodes.SERVICE_UNAVAILABLE.intValue(),
            why + "; try again (ben.gateway.read-timeout bounds the wait)"));
  }
}
