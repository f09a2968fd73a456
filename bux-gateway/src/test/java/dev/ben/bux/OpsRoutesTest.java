package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.HealthReport;
import dev.ben.streams.auth.CurrentUsers;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.metrics.Labels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node's ops endpoint over a real socket: /health open, /metrics behind the same token check as
 * the gateway's, nothing else, each answer counted as {@code ben_ops_*}.
 */
class OpsRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ActorSystem system;

  private final HttpClient http = HttpClient.newHttpClient();
  private TestPorts ports;
  private ServerBinding binding;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create("ops-routes-test");
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void bind() throws Exception {
    ports = new TestPorts(system);
    OpsRoutes routes =
        OpsRoutes.forOpsEndpoint(
            ports.metrics,
            () -> ports.ports().health().get(),
            ports.tokens,
            new CurrentUsers(ports.identities, TestPorts.USER_TTL),
            false);
    binding =
        Http.get(system)
            .newServerAt("127.0.0.1", 0)
            .bind(routes.endpoint())
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void unbind() {
    binding.unbind().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    ports.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private long requests(String route, int status) {
    return ports.metrics.value(
        "ben_ops_requests_total", Labels.of("route", route, "status", Integer.toString(status)));
  }

  @Test
  void healthIsOpenAndADownNodeAnswers503() throws Exception {
    HttpResponse<String> up = get("/health");
    assertEquals(200, up.statusCode());
    assertEquals("UP", JSON.readTree(up.body()).get("status").asText());

    ports.reportHealth(new HealthReport(HealthReport.Status.DOWN, Map.of("cluster", "left")));
    assertEquals(503, get("/health").statusCode());
    assertEquals(1, requests("health", 200));
    assertEquals(1, requests("health", 503));
  }

  @Test
  void metricsNeedAValidTokenAsOnTheGateway() throws Exception {
    HttpResponse<String> anonymous = get("/metrics");
    assertEquals(401, anonymous.statusCode());
    assertEquals(
        1, ports.metrics.value("ben_ops_refused_total", Labels.of("reason", "missing_session")));

    // A token of another cluster's issuer.
    String foreign = TestPorts.tokens((byte) 9).issue(TestPorts.USER, UserRole.VIEWER).token();
    assertEquals(401, get("/metrics", "Authorization", "Bearer " + foreign).statusCode());

    HttpResponse<String> scraped = get("/metrics", "Authorization", "Bearer " + ports.token());
    assertEquals(200, scraped.statusCode());
    assertTrue(scraped.body().contains("# TYPE ben_ops_requests_total counter"), scraped.body());
    assertEquals(2, requests("metrics", 401));
    assertEquals(1, requests("metrics", 200));
  }

  @Test
  void anythingElseIsNotFoundNamingWhatIsServed() throws Exception {
    HttpResponse<String> other = get("/ws");
    assertEquals(404, other.statusCode());
    assertTrue(other.body().contains("GET /health and /metrics"), other.body());
    assertEquals(1, requests("unknown", 404));
  }
}
