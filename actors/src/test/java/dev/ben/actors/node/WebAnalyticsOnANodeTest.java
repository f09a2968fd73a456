package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.TestNode;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.KeyFiles;
import dev.ben.contracts.bundle.SigningKey;
import dev.ben.streams.testing.WebProject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web analytics on a node: {@code examples/web} deployed, beacons posted to the HTTP sidecar as a
 * browser posts them, and {@code GET /api/v1/analytics} answering from the page views the pipeline
 * stored in the node's embedded store.
 */
@CapturedLogs
class WebAnalyticsOnANodeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORIGIN = "https://shop.example";

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir Path keys;

  private static String beacon(String path, int status, String visitor, String referrer) {
    return "{\"site\":\"shop\",\"path\":\""
        + path
        + "\",\"status\":"
        + status
        + ",\"visitor\":\""
        + visitor
        + "\",\"user_agent\":\"Mozilla/5.0\""
        + (referrer == null ? "" : ",\"referrer\":\"" + referrer + "\"")
        + "}";
  }

  private static int post(TestNode node, String beacon) {
    try {
      return node.http()
          .send(
              HttpRequest.newBuilder(
                      node.ingest("/api/v1/beacon?pipeline=" + WebProject.PIPELINE + "&site=shop"))
                  .header("Origin", ORIGIN)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(beacon))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void postedBeaconsShowInTheAnalyticsOfTheirPipeline() throws Exception {
    SigningKey key = Ed25519.generate();
    Path publicKey = KeyFiles.write(keys, "web", key, true).publicFile();
    try (TestNode node =
            new TestNode(
                "ben.node.pass-through-pipelines = []\nben.flow.store-batch-interval = 50ms\n"
                    + "ben.ledger.trusted-keys = [\""
                    + publicKey
                    + "\"]",
                batch -> {});
        ControlClient control = new ControlClient(node)) {
      node.appKey("shop", ORIGIN);
      byte[] bundle = ContractBundles.build(WebProject.compiled(), key).toBytes();
      long version = control.stage(bundle).getStaged(0).getVersion();
      control.deploy(WebProject.PIPELINE, version, Duration.ofSeconds(30));
      // The sidecar registers its ingress when it starts, which may trail the activation.
      Await.until(
          () -> post(node, beacon("/", 200, "v-1", "https://search.example/")) == 204,
          "the pipeline takes beacons",
          Duration.ofSeconds(30));
      assertEquals(204, post(node, beacon("/", 200, "v-2", "https://search.example/")));
      assertEquals(204, post(node, beacon("/cart", 200, "v-1", null)));
      assertEquals(204, post(node, beacon("/missing", 404, "v-3", null)));
      Await.until(() -> node.rows("page_views") == 4, "the beacons stored", Duration.ofSeconds(30));

      HttpResponse<String> response =
          node.http()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + node.endpoints.gateway().port()
                                  + "/api/v1/analytics?pipeline=web"))
                      .header("Authorization", "Bearer " + node.adminToken())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      JsonNode web = JSON.readTree(response.body());
      assertEquals("web", web.get("pipeline").asText());
      assertEquals(Duration.ofMinutes(15).toMillis(), web.get("window_ms").asLong());
      assertEquals(3, web.get("visits").asLong(), "three visitors, by their keyed hashes");
      assertEquals(4, web.get("page_views").asLong());
      assertEquals(
          JSON.readTree(
              "[{\"page\":\"/\",\"count\":2},{\"page\":\"/cart\",\"count\":1},"
                  + "{\"page\":\"/missing\",\"count\":1}]"),
          web.get("top_pages"));
      assertEquals(
          JSON.readTree("[{\"referrer\":\"https://search.example/\",\"count\":2}]"),
          web.get("referrers"));
      assertEquals(
          JSON.readTree("[{\"code\":200,\"count\":3},{\"code\":404,\"count\":1}]"),
          web.get("status_codes"));
    }
  }
}
