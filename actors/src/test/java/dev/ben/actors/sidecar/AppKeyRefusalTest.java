package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.auth.AppKeys;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way of not having the app's key, against every place an app sends or reads: refused with
 * 401 or 403 (ERROR on the socket, which ends the session), counted by reason, and nothing taken.
 */
@CapturedLogs
class AppKeyRefusalTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENT = "{\"user\":\"mallory\",\"n\":1}\n";
  private static TestNode node;
  private static String revokedKey;

  /** One way of presenting a key: the Authorization header (null: none) and the app named. */
  private record Credential(
      String name, String authorization, String app, int status, String reason) {}

  @BeforeAll
  static void start() throws Exception {
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = [auth]\nben.auth.app-cache-ttl = 50ms", batch -> {});
    revokedKey = node.appKey("gone");
    // The pass-through pipeline registers for ingest once its graph runs, shortly after the node.
    Await.until(
        () -> eventsStatus("Bearer " + revokedKey) == 200,
        "the key is taken while the app exists",
        Duration.ofSeconds(10));
    node.identities().revokeApp("gone", Instant.now());
    // The node remembers the app as it was for the cache's time: then the revocation holds.
    Await.until(
        () -> status("/api/v1/events?pipeline=auth", "Bearer " + revokedKey) == 401,
        "the revoked key is refused",
        Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static List<Credential> credentials() {
    String unknown = new AppKeys(new SecureRandom()).mint("shop");
    node.appKey("shop");
    List<Credential> all = new ArrayList<>();
    all.add(new Credential("none", null, null, 401, "missing_key"));
    all.add(new Credential("malformed", "Bearer hunter2", null, 401, "malformed_key"));
    all.add(new Credential("not bearer", "Basic c2hvcDpzZWNyZXQ=", null, 401, "malformed_key"));
    all.add(new Credential("unknown", "Bearer " + unknown, null, 401, "unknown_key"));
    all.add(new Credential("revoked", "Bearer " + revokedKey, null, 401, "revoked_key"));
    all.add(
        new Credential(
            "other app", "Bearer " + node.appKey("shop"), "billing", 403, "app_mismatch"));
    return all;
  }

  private static List<String> endpoints(String app) {
    String query = app == null ? "" : "app=" + app;
    return List.of(
        "POST /api/v1/events?pipeline=auth" + (query.isEmpty() ? "" : "&" + query),
        "POST /api/v1/invoke/auth" + (query.isEmpty() ? "" : "?" + query),
        "GET /api/v1/signals" + (query.isEmpty() ? "" : "?" + query));
  }

  @Test
  void everyHttpRouteRefusesEveryBadCredentialCountsItAndTakesNothing() throws Exception {
    StageCounters sidecar = new StageCounters(node.metrics, "auth", "sidecar");
    for (Credential credential : credentials()) {
      for (String endpoint : endpoints(credential.app())) {
        String what = credential.name() + " on " + endpoint;
        long accepted = sidecar.total(Outcome.ACCEPTED);
        long counted = refused(credential.reason());
        String[] parts = endpoint.split(" ");
        HttpRequest.Builder request = HttpRequest.newBuilder(node.ingest(parts[1]));
        if (credential.authorization() != null) {
          request.header("Authorization", credential.authorization());
        }
        request.method(
            parts[0], HttpRequest.BodyPublishers.ofString(parts[0].equals("GET") ? "" : EVENT));
        HttpResponse<String> response =
            node.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(credential.status(), response.statusCode(), what + ": " + response.body());
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.get("error").asText().length() > 20, what + ": " + response.body());
        if (credential.status() == 401) {
          assertEquals(
              "Bearer realm=\"ben-ingest\"",
              response.headers().firstValue("WWW-Authenticate").orElse(""),
              what);
        }
        assertEquals(counted + 1, refused(credential.reason()), what);
        assertEquals(accepted, sidecar.total(Outcome.ACCEPTED), what + " took an event");
      }
    }
  }

  @Test
  void aGoodKeysEventsAreTakenUnderItsAppAndMayRepeatItsName() throws Exception {
    StageCounters sidecar = new StageCounters(node.metrics, "auth", "sidecar");
    long accepted = sidecar.total(Outcome.ACCEPTED);
    HttpResponse<String> response = node.post("/api/v1/events?pipeline=auth&app=shop", EVENT);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(1, JSON.readTree(response.body()).get("accepted").asInt());
    assertEquals(accepted + 1, sidecar.total(Outcome.ACCEPTED));
  }

  @Test
  void aKeyOfOneAppCannotReadAnothersSignals() throws Exception {
    String bKey = node.appKey("billing");
    node.appKey("shop");
    assertEquals(403, status("/api/v1/signals?app=shop", "Bearer " + bKey));
    HttpRequest viaHeader =
        HttpRequest.newBuilder(node.ingest("/api/v1/signals"))
            .header("Authorization", "Bearer " + bKey)
            .header("X-Ben-App", "shop")
            .GET()
            .build();
    assertEquals(
        403, node.http().send(viaHeader, HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  @Test
  void aSocketHelloWithoutAGoodKeyEndsTheSessionWithItsReason() throws Exception {
    for (Credential credential : credentials()) {
      String hello =
          "{\"protocol\":1,\"pipeline\":\"auth\""
              + (credential.authorization() == null
                  ? ""
                  : ",\"key\":\"" + credential.authorization().replaceFirst("^\\S+ ", "") + "\"")
              + (credential.app() == null ? "" : ",\"app\":\"" + credential.app() + "\"")
              + "}";
      long counted = socketRefused(credential.reason());
      try (RawSocketSession raw = new RawSocketSession(node.endpoints.socket().port())) {
        raw.frame(0, 1, hello);
        RawSocketSession.Frame error = raw.read();
        assertEquals(5, error.type(), credential.name() + ": an ERROR frame");
        JsonNode refusal = error.json();
        assertEquals(credential.reason(), refusal.get("reason").asText(), credential.name());
        assertTrue(refusal.get("fatal").asBoolean(), credential.name());
        assertTrue(raw.closedByServer(), credential.name() + ": the session ends");
      }
      assertEquals(counted + 1, socketRefused(credential.reason()), credential.name());
    }
  }

  /** The answer to an empty NDJSON post to the pass-through pipeline. */
  private static int eventsStatus(String authorization) {
    try {
      return post("/api/v1/events?pipeline=auth", authorization, "").statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> post(String path, String authorization, String body)
      throws Exception {
    return node.http()
        .send(
            HttpRequest.newBuilder(node.ingest(path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The status of an empty request, which takes no event even when the key is good. */
  private static int status(String path, String authorization) {
    try {
      return node.http()
          .send(
              HttpRequest.newBuilder(node.ingest(path))
                  .header("Authorization", authorization)
                  .method(
                      path.contains("signals") ? "GET" : "POST",
                      HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long refused(String reason) {
    return node.metrics.value("ben_ingest_refused_total", Labels.of("reason", reason));
  }

  private static long socketRefused(String reason) {
    return node.metrics.value("ben_sidecar_socket_refused_total", Labels.of("reason", reason));
  }
}
