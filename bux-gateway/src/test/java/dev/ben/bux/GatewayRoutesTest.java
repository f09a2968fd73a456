package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.HealthReport;
import dev.ben.streams.metrics.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's HTTP surface over a real socket, fed by test ports instead of a node. */
class GatewayRoutesTest extends BoundGateway {

  private static final ObjectMapper JSON = new ObjectMapper();

  private long requests(String route, int status) {
    return ports.metrics.value(
        "ben_gateway_requests_total",
        Labels.of("route", route, "status", Integer.toString(status)));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = GatewayRoutesTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  @Test
  void healthAnswersTheReportAsJson() throws Exception {
    HttpResponse<String> health = server.get("/health");
    assertEquals(200, health.statusCode());
    assertEquals("application/json", contentType(health));
    assertEquals(
        JSON.readTree("{\"status\":\"UP\",\"checks\":{\"store\":\"test writer\"}}"),
        JSON.readTree(health.body()));
  }

  @Test
  void aDegradedNodeStillAnswers200AndADownOne503() throws Exception {
    ports.reportHealth(
        new HealthReport(HealthReport.Status.DEGRADED, Map.of("store", "slow to answer")));
    HttpResponse<String> degraded = server.get("/health");
    assertEquals(200, degraded.statusCode());
    assertEquals("DEGRADED", JSON.readTree(degraded.body()).get("status").asText());

    ports.reportHealth(new HealthReport(HealthReport.Status.DOWN, Map.of("cluster", "left")));
    HttpResponse<String> down = server.get("/health");
    assertEquals(503, down.statusCode());
    JsonNode body = JSON.readTree(down.body());
    assertEquals("DOWN", body.get("status").asText());
    assertEquals("left", body.get("checks").get("cluster").asText());
  }

  @Test
  void metricsAreThePrometheusTextOfTheRegistry() throws Exception {
    ports
        .metrics
        .counter("ben_test_widgets_total", "Widgets seen by the test.", Labels.of("kind", "blue"))
        .inc(3);
    HttpResponse<String> metrics = server.get("/metrics", ports.token());
    assertEquals(200, metrics.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=UTF-8", contentType(metrics));
    assertTrue(
        metrics.body().contains("# HELP ben_test_widgets_total Widgets seen by the test.\n"),
        metrics.body());
    assertTrue(metrics.body().contains("# TYPE ben_test_widgets_total counter\n"), metrics.body());
    assertTrue(
        metrics.body().contains("ben_test_widgets_total{kind=\"blue\"} 3.0\n"), metrics.body());
  }

  @Test
  void everyAnswerIsCountedByRouteAndStatus() throws Exception {
    server.get("/health");
    ports.reportHealth(new HealthReport(HealthReport.Status.DOWN, Map.of()));
    server.get("/health");
    server.get("/metrics", ports.token());
    server.get("/nothing-here");
    assertEquals(1, requests("health", 200));
    assertEquals(1, requests("health", 503));
    assertEquals(1, requests("metrics", 200));
    assertEquals(1, requests("unknown", 404));
    assertTrue(
        server
            .get("/metrics", ports.token())
            .body()
            .contains("route=\"unknown\",status=\"404\"} 1"),
        "the request counters are themselves in /metrics");
  }

  @Test
  void theBuxPageAndItsAssetsAreServed() throws Exception {
    HttpResponse<String> page = server.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(contentType(page).startsWith("text/html"), contentType(page));
    assertEquals(resource("bux/index.html"), page.body());

    HttpResponse<String> script = server.get("/assets/app.js");
    assertEquals(200, script.statusCode());
    assertTrue(contentType(script).contains("javascript"), contentType(script));
    assertEquals(resource("bux/assets/app.js"), script.body());

    HttpResponse<String> style = server.get("/assets/style.css");
    assertEquals(200, style.statusCode());
    assertTrue(contentType(style).startsWith("text/css"), contentType(style));

    HttpResponse<String> view = server.get("/assets/views/overview.js");
    assertEquals(200, view.statusCode());
    assertTrue(contentType(view).contains("javascript"), contentType(view));
  }

  @Test
  void uplotIsServedFromItsWebJarOnTheClassPath() throws Exception {
    HttpResponse<String> module = server.get("/assets/vendor/uplot/uPlot.esm.js");
    assertEquals(200, module.statusCode());
    assertTrue(contentType(module).contains("javascript"), contentType(module));
    assertEquals(
        resource("META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.esm.js"), module.body());

    HttpResponse<String> style = server.get("/assets/vendor/uplot/uPlot.min.css");
    assertEquals(200, style.statusCode());
    assertTrue(contentType(style).startsWith("text/css"), contentType(style));
  }

  @Test
  void unknownPathsAre404WithAHintAtWhatIsServed() throws Exception {
    for (String path : new String[] {"/nothing-here", "/health/extra", "/assets/missing.js"}) {
      HttpResponse<String> missing = server.get(path);
      assertEquals(404, missing.statusCode(), path);
      assertEquals("application/json", contentType(missing), path);
      String error = JSON.readTree(missing.body()).get("error").asText();
      assertTrue(error.contains("nothing at `" + path + "`"), error);
      assertTrue(
          error.contains("GET /, /health, /metrics, the websocket /ws and /api/v1/session"), error);
    }
    assertEquals(3, requests("unknown", 404));
  }

  @Test
  void onlyGetIsServedSoAnyOtherMethodFindsNothing() throws Exception {
    HttpResponse<String> post =
        server.send(
            HttpRequest.newBuilder(server.uri("http", "/health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(404, post.statusCode());
    assertTrue(JSON.readTree(post.body()).get("error").asText().contains("`/health`"));
    assertEquals(0, requests("health", 200), "a POST is not answered by the health route");
  }

  @Test
  void aPlainGetOfTheWebsocketPathIsNotUpgradedAndFindsNothing() throws Exception {
    HttpResponse<String> plain = server.get("/ws", ports.token());
    assertEquals(404, plain.statusCode());
    assertEquals(1, requests("unknown", 404));
  }
}
