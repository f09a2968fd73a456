package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A node without the gateway role serves /health and /metrics on its ops endpoint. */
@CapturedLogs
class OpsEndpointTest {

  private static TestNode node;
  private static int opsPort;
  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    // The node's Endpoints name no ops port, so the test picks one up front.
    try (ServerSocket socket = new ServerSocket(0)) {
      opsPort = socket.getLocalPort();
    }
    node =
        new TestNode(
            "ben.node.roles = [orchestrator, edge, detector]\nben.ops.port = " + opsPort,
            batch -> {});
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return node.http().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsOpenAndReportsTheClusterMember() throws Exception {
    Await.until(
        () -> {
          try {
            return mapper.readTree(get("/health").body()).get("status").asText().equals("UP");
          } catch (Exception e) {
            return false;
          }
        },
        "the node's ops endpoint to report UP");
    HttpResponse<String> health = get("/health");
    assertEquals(200, health.statusCode());
    assertTrue(
        mapper.readTree(health.body()).get("checks").get("cluster").asText().contains("is Up"),
        health.body());
  }

  @Test
  void metricsNeedATokenAsOnTheGateway() throws Exception {
    assertEquals(401, get("/metrics").statusCode());
    HttpResponse<String> metrics = get("/metrics", "Authorization", "Bearer " + node.adminToken());
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("# TYPE ben_ops_requests_total counter"), metrics.body());
  }

  @Test
  void theGatewayIsNotBound() {
    assertEquals("none", node.endpoints.gateway().host());
  }
}
