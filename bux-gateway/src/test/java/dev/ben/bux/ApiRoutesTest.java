package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.metrics.Labels;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ben_api's read routes over a real socket, reading in-memory ports. */
class ApiRoutesTest extends BoundGateway {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The in-memory pipeline's components as listed: the stages beside node-a's spine run its
   * version, marked as the spine's; node-b has no spine, so its sidecar's version stays unknown.
   */
  private static final String COMPONENTS =
      "[{\"stage\":\"sidecar\",\"node\":\"node-a\",\"version\":1,\"version_source\":\"spine\"},"
          + "{\"stage\":\"spine\",\"node\":\"node-a\",\"version\":1,\"version_source\":\"reported\"},"
          + "{\"stage\":\"store\",\"node\":\"node-a\",\"version\":1,\"version_source\":\"spine\"},"
          + "{\"stage\":\"sidecar\",\"node\":\"node-b\",\"version\":0,\"version_source\":\"none\"}]";

  private JsonNode ok(String path) throws Exception {
    HttpResponse<String> response = server.get(path, ports.token());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    return JSON.readTree(response.body());
  }

  /** The error of a refused read, after checking its status. */
  private String refused(String path, int status) throws Exception {
    HttpResponse<String> response = server.get(path, ports.token());
    assertEquals(status, response.statusCode(), response.body());
    return JSON.readTree(response.body()).get("error").asText();
  }

  @Test
  void everyReadNeedsASessionOrToken() throws Exception {
    HttpResponse<String> anonymous = server.get("/api/v1/pipelines");
    assertEquals(401, anonymous.statusCode());
    assertEquals(1, ports.refused("missing_session"));
    assertEquals(
        1,
        ports.metrics.value(
            "ben_gateway_requests_total", Labels.of("route", "api_pipelines", "status", "401")));
  }

  @Test
  void pipelinesListTheirVersionsAndComponents() throws Exception {
    JsonNode body = ok("/api/v1/pipelines");
    assertTrue(body.get("at").asLong() > 0);
    JsonNode auth = body.get("pipelines").get(0);
    assertEquals(
        JSON.readTree(
            "{\"name\":\"auth\",\"lifecycle\":\"PUBLISHED\",\"active_version\":1,"
                + "\"staged_versions\":[2],"
                + "\"components\":"
                + COMPONENTS
                + "}"),
        auth);
    assertEquals(
        1,
        ports.metrics.value(
            "ben_gateway_requests_total", Labels.of("route", "api_pipelines", "status", "200")));
  }

  @Test
  void aPipelineShowsWhoStagedEachVersionAndAnUnknownOneIs404() throws Exception {
    JsonNode auth = ok("/api/v1/pipelines/auth");
    assertEquals("auth", auth.get("name").asText());
    assertEquals(1, auth.get("active_version").asLong());
    assertEquals(JSON.readTree(COMPONENTS), auth.get("components"));
    assertEquals(
        JSON.readTree(
            "{\"version\":2,\"state\":\"STAGED\",\"staged_by\":\"bob@laptop\","
                + "\"staged_at_ms\":2000,\"fingerprint\":\"bundle-two\"}"),
        auth.get("versions").get(1));
    assertTrue(refused("/api/v1/pipelines/nope", 404).contains("no pipeline 'nope'"));
  }

  @Test
  void sourcesOfAVersionAndBadVersionsNamed() throws Exception {
    JsonNode sources = ok("/api/v1/pipelines/auth/versions/2/sources");
    assertEquals("auth", sources.get("pipeline").asText());
    assertEquals(2, sources.get("version").asLong());
    assertEquals("detector/lockout.json", sources.get("sources").get(0).get("path").asText());
    assertEquals("artifact", sources.get("sources").get(0).get("kind").asText());
    assertTrue(sources.get("sources").get(0).get("text").asText().contains("\"threshold\" : 10"));

    String bad = refused("/api/v1/pipelines/auth/versions/two/sources", 400);
    assertTrue(bad.contains("`v` must be a version number"), bad);
    assertTrue(refused("/api/v1/pipelines/auth/versions/0/sources", 400).contains("`v`"));
    refused("/api/v1/pipelines/auth/versions/9/sources", 404);
  }

  @Test
  void aDiffComparesArtifactsAndShowsTheChangedLine() throws Exception {
    JsonNode diff = ok("/api/v1/pipelines/auth/diff?from=1&to=2");
    assertEquals(1, diff.get("from").asLong());
    assertEquals(2, diff.get("to").asLong());
    assertEquals(
        JSON.readTree("{\"kind\":\"detector\",\"name\":\"lockout\",\"change\":\"CHANGED\"}"),
        diff.get("artifacts").get(0));
    JsonNode lockout = diff.get("files").get(0);
    assertEquals("detector/lockout.json", lockout.get("path").asText());
    assertEquals("CHANGED", lockout.get("change").asText());
    List<String> changed = new ArrayList<>();
    lockout
        .get("hunks")
        .get(0)
        .get("lines")
        .forEach(
            line -> {
              if (!line.get("op").asText().equals(" ")) {
                changed.add(line.get("op").asText() + line.get("text").asText());
              }
            });
    assertEquals(List.of("-  \"threshold\" : 5,", "+  \"threshold\" : 10,"), changed);
    assertEquals("SAME", diff.get("files").get(1).get("change").asText());
    assertEquals(0, diff.get("files").get(1).get("hunks").size());

    assertTrue(refused("/api/v1/pipelines/auth/diff?from=1", 400).contains("`to` is required"));
    assertTrue(refused("/api/v1/pipelines/auth/diff?from=x&to=2", 400).contains("`from`"));
    refused("/api/v1/pipelines/nope/diff?from=1&to=2", 404);
  }

  @Test
  void theClusterListsMembersSingletonsShardsAndHealth() throws Exception {
    JsonNode cluster = ok("/api/v1/cluster");
    assertEquals("pekko://ben@127.0.0.1:2551", cluster.get("self").asText());
    assertEquals(
        JSON.readTree(
            "{\"address\":\"pekko://ben@127.0.0.1:2551\",\"roles\":[\"edge\",\"orchestrator\"],"
                + "\"status\":\"Up\",\"reachable\":true,\"singletons\":[\"ledger\",\"orchestrator\"],"
                + "\"shards\":4}"),
        cluster.get("members").get(0));
    assertEquals("UP", cluster.get("health").get("status").asText());
  }

  @Test
  void aBackendThatDoesNotAnswerIs503() throws Exception {
    ports.api.silent = true;
    assertTrue(refused("/api/v1/cluster", 503).contains("did not answer within 500 ms"));
    assertEquals(
        1,
        ports.metrics.value(
            "ben_gateway_requests_total", Labels.of("route", "api_cluster", "status", "503")));
  }
}
