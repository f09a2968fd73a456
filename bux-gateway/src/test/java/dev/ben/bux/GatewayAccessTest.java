package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.auth.UserRole;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Who may reach /ws, /metrics and the API: a valid session or token, from an allowed page. */
class GatewayAccessTest extends BoundGateway {

  /** The upgrade's HTTP status: 101 when the socket opened, the refusal's status otherwise. */
  private int upgrade(String origin, String authorization, String cookie) throws Exception {
    WebSocket.Builder builder = server.http().newWebSocketBuilder();
    if (origin != null) {
      builder.header("Origin", origin);
    }
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (cookie != null) {
      builder.header("Cookie", SessionCredentials.COOKIE + "=" + cookie);
    }
    try {
      WebSocket socket =
          builder
              .buildAsync(server.uri("ws", "/ws"), new FrameCollector())
              .get(10, TimeUnit.SECONDS);
      socket.abort();
      return 101;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  private HttpResponse<String> metrics(String authorization) throws Exception {
    return server.send(
        HttpRequest.newBuilder(server.uri("http", "/metrics"))
            .header("Authorization", authorization)
            .GET());
  }

  @Test
  void withoutASessionTheSocketMetricsAndApiAreRefused() throws Exception {
    assertEquals(401, upgrade(server.origin(), null, null));
    assertEquals(401, server.get("/metrics").statusCode());
    assertEquals(401, server.get("/api/v1/session").statusCode());
    assertEquals(3, ports.refused("missing_session"));
    assertEquals(200, server.get("/health").statusCode(), "probes need no session");
    assertEquals(200, server.get("/").statusCode(), "the page shows the login form to anyone");
    assertEquals(200, server.get("/assets/app.js").statusCode());
  }

  @Test
  void aSessionCookieOrABearerTokenOpensTheSocketFromTheGatewaysOwnPage() throws Exception {
    assertEquals(101, upgrade(server.origin(), null, ports.token()));
    assertEquals(101, upgrade(server.origin(), "Bearer " + ports.token(), null));
    assertEquals(101, upgrade(null, "Bearer " + ports.token(), null), "no page: token alone");
  }

  @Test
  void forgedOtherClustersAndExpiredTokensAreRefusedAndCountedApart() throws Exception {
    String token = ports.token();
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
    String otherCluster = TestPorts.tokens((byte) 9).issue(TestPorts.USER, UserRole.ADMIN).token();
    String expired =
        ports.tokens.issue(TestPorts.USER, UserRole.VIEWER, Duration.ofSeconds(-5)).token();

    assertEquals(401, upgrade(server.origin(), null, forged));
    assertEquals(401, metrics("Bearer " + otherCluster).statusCode());
    assertEquals(401, metrics("Bearer not-a-jwt").statusCode());
    assertEquals(401, metrics("Basic dmVyYTp4").statusCode());
    assertEquals(4, ports.refused("bad_session"));

    HttpResponse<String> late = metrics("Bearer " + expired);
    assertEquals(401, late.statusCode());
    assertTrue(late.body().contains("expired"), late.body());
    assertEquals(401, upgrade(server.origin(), null, expired));
    assertEquals(2, ports.refused("expired"));
  }

  @Test
  void aForeignPageCannotOpenTheSocketEvenWithTheUsersCookie() throws Exception {
    assertEquals(403, upgrade("https://evil.example", null, ports.token()));
    assertEquals(403, upgrade("null", null, ports.token()));
    assertEquals(
        403,
        upgrade("https://127.0.0.1:" + server.uri("http", "/").getPort(), null, ports.token()),
        "the same host under another scheme is another origin");
    assertEquals(3, ports.refused("foreign_origin"));
    assertEquals(101, upgrade(TestGatewaySettings.ALLOWED_ORIGIN, null, ports.token()));
  }

  @Test
  void anyRoleReadsTheMetricsWithABearerToken() throws Exception {
    server.get("/health");
    HttpResponse<String> scraped = metrics("Bearer " + ports.token());
    assertEquals(200, scraped.statusCode());
    assertTrue(scraped.body().contains("ben_gateway_requests_total"), scraped.body());
  }

  @Test
  void aDeletedOrDemotedUsersTokensStopWorking() throws Exception {
    String viewer = "Bearer " + ports.token();
    assertEquals(200, metrics(viewer).statusCode());
    ports.identities.setUserRole(TestPorts.USER, UserRole.VIEWER);
    String admin = "Bearer " + ports.tokens.issue(TestPorts.USER, UserRole.ADMIN).token();
    assertEquals(401, metrics(admin).statusCode(), "a token above the user's role now");
    assertTrue(ports.identities.deleteUser(TestPorts.USER));
    assertEquals(401, metrics(viewer).statusCode(), "the user is gone");
    assertEquals(2, ports.refused("bad_session"));
  }
}
