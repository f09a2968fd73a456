package dev.ben.bux;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.auth.IssuedToken;
import dev.ben.streams.auth.PasswordCheck;
import dev.ben.streams.auth.Principal;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.Tokens;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * {@code /api/v1/session}: POST {@code {user, password}} logs in and sets the session cookie, GET
 * says who is logged in, DELETE logs out. POST and DELETE change the browser's session, so they are
 * taken only from the gateway's own pages (or from no page at all).
 */
final class SessionRoutes extends AllDirectives {

  private static final String ROUTE = "session";

  private final GatewayAccess access;
  private final PasswordCheck passwords;
  private final Tokens tokens;
  private final SessionCookies cookies;
  private final LoginThrottle throttle;
  private final Executor blocking;
  private final ObjectMapper mapper;

  SessionRoutes(
      GatewayAccess access,
      PasswordCheck passwords,
      Tokens tokens,
      SessionCookies cookies,
      LoginThrottle throttle,
      Executor blocking,
      ObjectMapper mapper) {
    this.access = access;
    this.passwords = passwords;
    this.tokens = tokens;
    this.cookies = cookies;
    this.throttle = throttle;
    this.blocking = blocking;
    this.mapper = mapper;
  }

  Route route() {
    return path(
        segment("api").slash("v1").slash("session"),
        () ->
            concat(
                get(() -> access.withSession(ROUTE, principal -> complete(ok(principal)))),
                post(() -> access.sameOrigin(ROUTE, () -> extractRequest(this::login))),
                delete(() -> access.sameOrigin(ROUTE, this::logout))));
  }

  private Route login(HttpRequest request) {
    // The peer's address as the connection has it (headers such as X-Forwarded-For are the
    // client's to forge); without it, as on a server bound without the attribute, no throttling.
    Optional<String> address =
        request
            .getAttribute(AttributeKeys.remoteAddress)
            .flatMap(RemoteAddress::getAddress)
            .map(InetAddress::getHostAddress);
    if (!request.entity().getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
      return complete(
          access.counted(
              ROUTE,
              access.error(
                  StatusCodes.UNSUPPORTED_MEDIA_TYPE.intValue(),
                  "send the login as application/json: {\"user\": …, \"password\": …}")));
    }
    return entity(Unmarshaller.entityToString(), body -> login(body, address));
  }

  private Route login(String body, Optional<String> address) {
    Optional<LoginRequest> request = LoginRequest.parse(mapper, body);
    if (request.isEmpty()) {
      return complete(
          access.counted(
              ROUTE,
              access.error(
                  StatusCodes.BAD_REQUEST.intValue(),
                  "a login is JSON with the strings user and password")));
    }
    Optional<Duration> wait = address.flatMap(throttle::admit);
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds() + 1);
      return respondWithHeader(
          RetryAfter.create(seconds), () -> access.refuse(ROUTE, Refusal.THROTTLED));
    }
    // The hash is slow on purpose and the store may be remote: never on the dispatcher.
    CompletableFuture<Optional<StoredUser>> checked =
        CompletableFuture.supplyAsync(
            () -> passwords.check(request.get().user(), request.get().password()), blocking);
    return onSuccess(
        checked,
        user -> {
          user.ifPresent(known -> address.ifPresent(throttle::succeeded));
          return user.map(this::loggedIn)
              .orElseGet(() -> access.refuse(ROUTE, Refusal.BAD_CREDENTIALS));
        });
  }

  private Route loggedIn(StoredUser user) {
    IssuedToken issued = tokens.issue(user.name(), user.role());
    return setCookie(cookies.issue(issued, Instant.now()), () -> complete(ok(issued.principal())));
  }

  private Route logout() {
    return setCookie(
        cookies.cleared(),
        () ->
            complete(
                access.counted(ROUTE, HttpResponse.create().withStatus(StatusCodes.NO_CONTENT))));
  }

  private HttpResponse ok(Principal principal) {
    String body =
        mapper
            .createObjectNode()
            .put("user", principal.user())
            .put("role", principal.role().label())
            .put("expires_at", principal.expiresAt().toString())
            .toString();
    return access.counted(
        ROUTE, HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, body));
  }

  /** What a login carries; a password is never logged, so no record rendering of it either. */
  private record LoginRequest(String user, String password) {

    static Optional<LoginRequest> parse(ObjectMapper mapper, String body) {
      try {
        JsonNode json = mapper.readTree(body);
        if (json != null && json.path("user").isTextual() && json.path("password").isTextual()) {
          return Optional.of(
              new LoginRequest(json.get("user").asText(), json.get("password").asText()));
        }
        return Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return "LoginRequest[" + user + "]";
    }
  }
}
