package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.flow.Envelope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Behind a trusted proxy, a beacon's client is the address the proxy forwarded. */
@CapturedLogs
class TrustedProxyBeaconTest {

  private static final ConcurrentLinkedQueue<Envelope> stored = new ConcurrentLinkedQueue<>();
  private static TestNode node;

  @BeforeAll
  static void start() {
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = [web]\nben.flow.store-batch-interval = 50ms\n"
                + "ben.ingest.trusted-proxies = [\"127.0.0.0/8\"]",
            stored::addAll);
    node.appKey("site", "https://shop.example");
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void theForwardedClientIsAnonymisedWhenThePeerIsATrustedProxy() throws Exception {
    HttpResponse<String> response =
        node.http()
            .send(
                HttpRequest.newBuilder(node.ingest("/api/v1/beacon?pipeline=web&site=site"))
                    .header("Origin", "https://shop.example")
                    .header("X-Forwarded-For", "6.6.6.6, 203.0.113.9")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"/proxied\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(204, response.statusCode(), response.body());
    Await.until(
        () -> stored.stream().anyMatch(e -> e.body().path("path").asText().equals("/proxied")),
        "the beacon is stored",
        Duration.ofSeconds(20));
    Envelope beacon =
        stored.stream()
            .filter(e -> e.body().path("path").asText().equals("/proxied"))
            .findFirst()
            .orElseThrow();
    assertEquals("203.0.113.0", beacon.body().get("client_ip").asText());
  }
}
