package dev.ben.bux;

import static dev.ben.bux.SocketClient.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.bux.socket.BuxSocket;
import dev.ben.bux.socket.StoredBundle;
import dev.ben.bux.socket.VersionSelector;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.SigningKey;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.contracts.testbench.EventLines;
import dev.ben.contracts.testbench.TestBenchRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The testbench method: its result is what the contracts module's run (benctl test) makes. */
class TestBenchSocketTest {

  private static final Path AUTH = Path.of("../examples/auth");
  private static ActorSystem system;
  private TestPorts ports;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create("TestBenchSocketTest");
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void start() {
    ports = new TestPorts(system);
  }

  @AfterEach
  void stop() {
    ports.close();
  }

  private SocketClient connect() {
    BuxSocket socket =
        new BuxSocket(
            TestGatewaySettings.withKeepAlive(Duration.ofHours(1)),
            ports.live,
            ports.metrics,
            ports.topics,
            ports.bundles,
            SocketClient.JSON,
            Materializer.matFromSystem(system),
            system.dispatcher());
    SocketClient client = new SocketClient(system, socket, Duration.ofHours(1), () -> {});
    assertEquals("welcome", client.next().get("type").asText());
    return client;
  }

  private static ContractSet auth() {
    return ProjectLoader.load(AUTH).compile("dev").orElseThrow();
  }

  /**
   * What benctl test -o json prints for these events, as the contracts module runs them, read back
   * from its text as a client reads the reply.
   */
  private static JsonNode expected(String events) throws Exception {
    return SocketClient.JSON.readTree(
        TestBenchRun.run(
                auth(), "auth", "login", TestBenchRun.DEFAULT_HASH_KEY, EventLines.of(events))
            .toJson()
            .toString());
  }

  private static ObjectNode request(String id, ObjectNode params) {
    ObjectNode frame =
        SocketClient.JSON
            .createObjectNode()
            .put("op", "request")
            .put("id", id)
            .put("method", "testbench");
    frame.set("params", params);
    return frame;
  }

  @Test
  void sourcesTypedInThePageRunAsBenctlTestRunsThem() throws Exception {
    ObjectNode params = SocketClient.JSON.createObjectNode().put("pipeline", "auth");
    ArrayNode sources = params.putArray("sources");
    for (String path :
        List.of("ben.project", "guard.ben", "login.ben", "response.ben", "lists/sanctions.txt")) {
      sources.addObject().put("path", path).put("text", Files.readString(AUTH.resolve(path)));
    }
    String events = Files.readString(AUTH.resolve("events/attack.ndjson"));
    params.put("events", events);
    SocketClient client = connect();
    client.send(request("r1", params).toString());
    JsonNode reply = client.await(type("reply"));
    assertEquals("r1", reply.get("id").asText());
    JsonNode result = reply.get("result");
    JsonNode expected = expected(events);
    assertEquals(expected.get("outcomes"), result.get("outcomes"));
    assertEquals(expected.get("output"), result.get("output"));
    assertEquals(1, result.get("playbook_firings").asInt());
    assertEquals(expected.get("events"), result.get("events"));
    assertEquals("login", result.get("schema").asText());
  }

  @Test
  void aVersionIsReadFromTheLedgerPort() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    var bundle = ContractBundles.build(auth(), new SigningKey(pair.getPrivate(), pair.getPublic()));
    ports.bundles =
        (pipeline, version) ->
            pipeline.equals("auth") && version.equals(VersionSelector.ACTIVE)
                ? CompletableFuture.completedFuture(new StoredBundle(4, bundle))
                : CompletableFuture.failedFuture(
                    new IllegalArgumentException("auth has no " + version));
    String events = Files.readString(AUTH.resolve("events/attack.ndjson"));
    SocketClient client = connect();
    client.send(
        request(
                "r2",
                SocketClient.JSON
                    .createObjectNode()
                    .put("pipeline", "auth")
                    .put("version", "active")
                    .put("events", events))
            .toString());
    JsonNode reply = client.await(type("reply"));
    // The active version resolved to the ledger's v4, which its playbook outcomes name.
    String output = reply.get("result").get("output").asText();
    assertTrue(output.contains("\"contractVersion\":\"v4\""), output);
    assertEquals(expected(events).get("output").asText().replace("\"dev\"", "\"v4\""), output);
    client.send(
        request(
                "r3",
                SocketClient.JSON
                    .createObjectNode()
                    .put("pipeline", "auth")
                    .put("version", 7)
                    .put("events", events))
            .toString());
    JsonNode error = client.await(type("error"));
    assertEquals("r3", error.get("id").asText());
    assertEquals("auth has no v7", error.get("error").asText());
  }

  @Test
  void sourcesThatDoNotCompileAreAnsweredWithTheirDiagnostics() {
    ObjectNode params =
        SocketClient.JSON.createObjectNode().put("pipeline", "auth").put("events", "{}");
    params.putArray("sources").addObject().put("path", "broken.ben").put("text", "schema {");
    SocketClient client = connect();
    client.send(request("r4", params).toString());
    JsonNode error = client.await(type("error"));
    assertEquals("r4", error.get("id").asText());
    assertTrue(
        error.get("error").asText().startsWith("the sources do not compile"), error.toString());
  }
}
