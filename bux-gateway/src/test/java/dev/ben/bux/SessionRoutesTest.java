package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Logging in and out of bux through {@code /api/v1/session}, over a real socket. */
class SessionRoutesTest extends BoundGateway {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpResponse<String> login(String user, String password, String origin) throws Exception {
    String body = JSON.createObjectNode().put("user", user).put("password", password).toString();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri("http", "/api/v1/session"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return server.send(request);
  }

  private static HttpCookie sessionCookie(HttpResponse<?> response) {
    List<String> setCookies = response.headers().allValues("Set-Cookie");
    assertEquals(1, setCookies.size(), setCookies.toString());
    HttpCookie cookie = HttpCookie.parse(setCookies.get(0)).get(0);
    assertEquals(SessionCredentials.COOKIE, cookie.getName());
    return cookie;
  }

  private HttpResponse<String> withCookie(String method, String path, String value)
      throws Exception {
    return server.send(
        HttpRequest.newBuilder(server.uri("http", path))
            .header("Cookie", SessionCredentials.COOKIE + "=" + value)
            .header("Origin", server.origin())
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void theRightPasswordSetsAStrictHttpOnlyCookieThatOpensTheApi() throws Exception {
    HttpResponse<String> response = login(TestPorts.USER, TestPorts.PASSWORD, server.origin());
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals(TestPorts.USER, body.get("user").asText());
    assertEquals("viewer", body.get("role").asText());

    String header = response.headers().firstValue("Set-Cookie").orElseThrow();
    HttpCookie cookie = sessionCookie(response);
    assertTrue(cookie.isHttpOnly(), header);
    assertEquals("/", cookie.getPath(), header);
    assertFalse(cookie.getSecure(), "plain HTTP must not mark the cookie Secure: " + header);
    assertTrue(header.contains("SameSite=Strict"), header);
    assertTrue(cookie.getMaxAge() > 3500 && cookie.getMaxAge() <= 3600, header);
    assertEquals(TestPorts.USER, ports.tokens.verify(cookie.getValue()).user());

    HttpResponse<String> whoAmI = withCookie("GET", "/api/v1/session", cookie.getValue());
    assertEquals(200, whoAmI.statusCode(), whoAmI.body());
    assertEquals(TestPorts.USER, JSON.readTree(whoAmI.body()).get("user").asText());
    assertEquals(200, withCookie("GET", "/metrics", cookie.getValue()).statusCode());
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswerAndAreCounted() throws Exception {
    HttpResponse<String> wrong = login(TestPorts.USER, "guess", null);
    HttpResponse<String> unknown = login("nobody", TestPorts.PASSWORD, null);
    assertEquals(401, wrong.statusCode());
    assertEquals(401, unknown.statusCode());
    assertEquals(wrong.body(), unknown.body());
    assertTrue(wrong.body().contains("wrong user name or password"), wrong.body());
    assertTrue(wrong.headers().allValues("Set-Cookie").isEmpty());
    assertEquals(2, ports.refused("bad_credentials"));
  }

  @Test
  void afterFiveFailuresAnAddressWaitsEvenWithTheRightPassword() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(TestPorts.USER, "guess " + i, null).statusCode());
    }
    HttpResponse<String> held = login(TestPorts.USER, TestPorts.PASSWORD, null);
    assertEquals(429, held.statusCode(), held.body());
    long retryAfter = Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 0 && retryAfter <= 61, "Retry-After " + retryAfter);
    assertTrue(held.headers().allValues("Set-Cookie").isEmpty());
    assertEquals(1, ports.refused("throttled"));
    assertEquals(5, ports.refused("bad_credentials"));
  }

  @Test
  void aBurstOfParallelGuessesIsHeldToTheSameNumber() throws Exception {
    String body = JSON.createObjectNode().put("user", "vera").put("password", "guess").toString();
    List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      burst.add(
          server
              .http()
              .sendAsync(
                  HttpRequest.newBuilder(server.uri("http", "/api/v1/session"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString()));
    }
    Map<Integer, Long> statuses = new TreeMap<>();
    for (CompletableFuture<HttpResponse<String>> answer : burst) {
      statuses.merge(answer.get(30, TimeUnit.SECONDS).statusCode(), 1L, Long::sum);
    }
    assertEquals(Map.of(401, 5L, 429, 3L), statuses);
    assertEquals(5, ports.refused("bad_credentials"));
    assertEquals(3, ports.refused("throttled"));
  }

  @Test
  void aLoginFromAForeignPageIsRefusedBeforeThePasswordIsChecked() throws Exception {
    HttpResponse<String> foreign =
        login(TestPorts.USER, TestPorts.PASSWORD, "https://evil.example");
    assertEquals(403, foreign.statusCode());
    assertTrue(foreign.headers().allValues("Set-Cookie").isEmpty());
    assertEquals(1, ports.refused("foreign_origin"));
    assertEquals(0, ports.refused("bad_credentials"));

    HttpResponse<String> allowed =
        login(TestPorts.USER, TestPorts.PASSWORD, TestGatewaySettings.ALLOWED_ORIGIN);
    assertEquals(200, allowed.statusCode(), allowed.body());
    HttpResponse<String> noPage = login(TestPorts.USER, TestPorts.PASSWORD, null);
    assertEquals(200, noPage.statusCode(), "a script sends no Origin: " + noPage.body());
  }

  @Test
  void aLoginThatIsNotJsonIsRefusedWithoutCheckingAnything() throws Exception {
    HttpResponse<String> form =
        server.send(
            HttpRequest.newBuilder(server.uri("http", "/api/v1/session"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=vera&password=x")));
    assertEquals(415, form.statusCode());
    HttpResponse<String> noPassword =
        server.send(
            HttpRequest.newBuilder(server.uri("http", "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"vera\"}")));
    assertEquals(400, noPassword.statusCode());
    assertEquals(0, ports.refused("bad_credentials"));
  }

  @Test
  void logoutClearsTheCookie() throws Exception {
    HttpResponse<String> out = withCookie("DELETE", "/api/v1/session", ports.token());
    assertEquals(204, out.statusCode());
    HttpCookie cleared = sessionCookie(out);
    assertEquals("", cleared.getValue());
    assertEquals(0, cleared.getMaxAge());
    String header = out.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(header.contains("SameSite=Strict") && cleared.isHttpOnly(), header);
  }

  @Test
  void aLogoutFromAForeignPageIsRefused() throws Exception {
    HttpResponse<String> out =
        server.send(
            HttpRequest.newBuilder(server.uri("http", "/api/v1/session"))
                .header("Origin", "http://127.0.0.1:1")
                .DELETE());
    assertEquals(403, out.statusCode());
    assertTrue(out.headers().allValues("Set-Cookie").isEmpty());
    assertEquals(1, ports.refused("foreign_origin"));
  }

  @Test
  void withNobodyLoggedInTheSessionIs401() throws Exception {
    HttpResponse<String> nobody = server.get("/api/v1/session");
    assertEquals(401, nobody.statusCode());
    assertTrue(JSON.readTree(nobody.body()).get("error").asText().contains("log in"));
    assertEquals(1, ports.refused("missing_session"));
  }
}
