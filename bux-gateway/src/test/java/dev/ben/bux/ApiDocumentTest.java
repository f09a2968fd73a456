package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.ApiRoutes;
import dev.ben.streams.metrics.Labels;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against the routes: it is served without a session, lists every route of
 * ben_api, and every path {@link ApiRoutes} serves is in it and the other way round; and no path of
 * it takes anything but GET (but the session's).
 */
class ApiDocumentTest extends BoundGateway {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CHANGING = List.of("POST", "PUT", "PATCH", "DELETE");

  private JsonNode document() throws Exception {
    HttpResponse<String> response = server.get("/api/v1/openapi.json");
    assertEquals(200, response.statusCode());
    return JSON.readTree(response.body());
  }

  private static List<String> paths(JsonNode document) {
    List<String> paths = new ArrayList<>();
    document.get("paths").fieldNames().forEachRemaining(paths::add);
    return paths;
  }

  /** A path of the document with its parameters filled in, as a client would ask for it. */
  private static String concrete(String path) {
    String filled = path.replace("{name}", "auth").replace("{v}", "1").replace("{id}", "x");
    return filled.endsWith("/diff") ? filled + "?from=1&to=2" : filled + "?pipeline=auth";
  }

  @Test
  void theDocumentIsOpenApi303AndListsEveryRouteOfBenApi() throws Exception {
    JsonNode document = document();
    assertEquals("3.0.3", document.get("openapi").asText());
    assertTrue(
        paths(document)
            .containsAll(
                List.of(
                    "/api/v1/openapi.json",
                    "/api/v1/pipelines",
                    "/api/v1/pipelines/{name}",
                    "/api/v1/pipelines/{name}/versions/{v}/sources",
                    "/api/v1/pipelines/{name}/diff",
                    "/api/v1/cluster",
                    "/api/v1/events",
                    "/api/v1/metrics/history",
                    "/api/v1/metrics/totals",
                    "/api/v1/eventlog",
                    "/api/v1/eventlog/{id}",
                    "/api/v1/eventlog/{id}/tree",
                    "/api/v1/analytics",
                    "/api/v1/decisions")),
        paths(document).toString());
    assertEquals(
        1,
        ports.metrics.value(
            "ben_gateway_requests_total", Labels.of("route", "api_openapi", "status", "200")));
  }

  @Test
  void everyPathTheGatewayServesUnderApiV1IsDocumentedAndViceVersa() throws Exception {
    JsonNode document = document();
    Map<String, List<String>> served =
        Map.of(
            "ApiRoutes", ApiRoutes.PATHS,
            "HistoryRoutes", HistoryRoutes.PATHS,
            "TotalsRoutes", TotalsRoutes.PATHS,
            "EventLogRoutes", EventLogRoutes.PATHS);
    Set<String> documented = new TreeSet<>();
    for (String path : paths(document)) {
      String servedBy = document.get("paths").get(path).path("x-ben-served-by").asText();
      if (served.containsKey(servedBy)) {
        documented.add(path);
        assertTrue(served.get(servedBy).contains(path), path + " is served by " + servedBy);
      }
    }
    Set<String> all = new TreeSet<>();
    served.values().forEach(all::addAll);
    assertEquals(all, documented);
  }

  @Test
  void everyPathTheApiRoutesServeAnswersJson() throws Exception {
    for (String path : ApiRoutes.PATHS) {
      HttpResponse<String> response = server.get(concrete(path), ports.token());
      assertEquals(200, response.statusCode(), path + ": " + response.body());
      assertEquals(
          "application/json",
          response.headers().firstValue("Content-Type").orElse(""),
          path + " answers JSON");
    }
  }

  @Test
  void everyMethodButGetIsRefusedOnEveryDocumentedPathButTheSession() throws Exception {
    int refusals = 0;
    for (String path : paths(document())) {
      if (path.equals("/api/v1/session")) {
        continue;
      }
      for (String method : CHANGING) {
        HttpResponse<String> response =
            server.send(
                HttpRequest.newBuilder(server.uri("http", concrete(path)))
                    .header("Authorization", "Bearer " + ports.token())
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, response.statusCode(), method + " " + path);
        assertTrue(
            JSON.readTree(response.body())
                .get("error")
                .asText()
                .startsWith("ben_api is read-only; "),
            response.body());
        assertEquals("GET", response.headers().firstValue("Allow").orElse(""));
        refusals++;
        assertEquals(refusals, ports.refused("read_only"), method + " " + path + " is counted");
      }
    }
    assertEquals((paths(document()).size() - 1) * CHANGING.size(), refusals);
    assertEquals(
        refusals,
        ports.metrics.value(
            "ben_gateway_requests_total", Labels.of("route", "api_read_only", "status", "405")));
  }

  @Test
  void theSessionStillTakesItsOwnMethods() throws Exception {
    HttpResponse<String> logout =
        server.send(HttpRequest.newBuilder(server.uri("http", "/api/v1/session")).DELETE());
    assertEquals(204, logout.statusCode());
    assertEquals(0, ports.refused("read_only"));
  }
}
