package dev.ben.tests.control;

import static dev.ben.tests.control.AppKeyPosts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.ben.api.control.DetectorValue;
import dev.ben.api.control.InvokeReply;
import dev.ben.api.control.InvokeRequest;
import dev.ben.api.control.InvokeServiceClient;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.command.Environment;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invocation over HTTP on the ingest port and over gRPC on the control port of a real node
 * running examples/auth: the two answers agree field by field (each event a new user's first, so
 * the detectors start from the same state), and refusals map to the gRPC codes the API documents.
 */
class InvokeTwinsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void httpAndGrpcAnswerTheSameAndRefuseAlike() throws Exception {
    Path project = ExampleProjects.copy("auth", work.resolve("project"));
    ActorSystem client = ActorSystem.create("invoke-twins");
    try (ClusterNode node =
        ClusterNode.standalone(
            Files.createDirectories(work.resolve("node")),
            EXAMPLES.resolve("auth/keys/auth.pub"))) {
      ok(
          BenctlHarness.run(
              "build", project.toString(), "--key", project.resolve("keys/auth.key").toString()));
      Environment admin =
          BenctlLogin.loggedIn(
              work.resolve("benctl").resolve("config.json"),
              node.controlAddress(),
              TIMEOUT,
              node.home());
      ok(BenctlHarness.run(admin, "stage", project.toString(), "--server", node.controlAddress()));
      ok(
          BenctlHarness.run(
              admin, "deploy", "auth", "--server", node.controlAddress(), "--wait", "30"));
      String key = BenctlLogin.appKey(admin, node.controlAddress(), "shop");
      HttpClient http = HttpClient.newHttpClient();
      URI invoke = URI.create("http://127.0.0.1:" + node.ingestPort() + "/api/v1/invoke/auth");
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (post(http, invoke, key, event("warm")).statusCode() != 200) {
        assertTrue(System.nanoTime() < deadline, "the pipeline became invocable");
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
      int port = Integer.parseInt(node.controlAddress().replaceAll(".*:", ""));
      InvokeServiceClient grpc =
          InvokeServiceClient.create(
              GrpcClientSettings.connectToServiceAt("127.0.0.1", port, client).withTls(false),
              client);

      JsonNode overHttp = JSON.readTree(post(http, invoke, key, event("ann")).body());
      InvokeReply overGrpc = call(grpc, key, "auth", event("bob")).get(20, TimeUnit.SECONDS);
      assertEquals(overHttp.get("pipeline").asText(), overGrpc.getPipeline());
      assertEquals(overHttp.get("contract_version").asLong(), overGrpc.getContractVersion());
      assertEquals(overHttp.get("schema").asText(), overGrpc.getSchema());
      assertEquals(texts(overHttp.get("bits")), overGrpc.getBitsList());
      assertEquals(texts(overHttp.get("rules")), overGrpc.getRulesList());
      assertEquals(overHttp.get("action").asText(), overGrpc.getAction());
      assertEquals(
          Set.copyOf(names(overHttp.get("facts"))), overGrpc.getFactsMap().keySet(), "fact names");
      assertEquals(names(overHttp.get("detectors")), detectorNames(overGrpc));
      for (DetectorValue detector : overGrpc.getDetectorsList()) {
        JsonNode value = overHttp.get("detectors").get(detector.getName());
        assertEquals(value.isNumber(), detector.hasValue(), detector.getName());
        if (value.isNumber()) {
          assertEquals(value.asDouble(), detector.getValue(), 1e-9, detector.getName());
        }
      }
      assertEquals(overHttp.get("playbooks"), JSON.readTree(overGrpc.getPlaybooksJson()));
      assertEquals(overHttp.get("score").isNumber(), overGrpc.hasScore());

      assertEquals(Status.Code.NOT_FOUND, refusal(call(grpc, key, "nope", event("cy"))));
      assertEquals(Status.Code.INVALID_ARGUMENT, refusal(call(grpc, key, "auth", "{nope")));
      assertEquals(Status.Code.UNAUTHENTICATED, refusal(call(grpc, "", "auth", event("di"))));
      grpc.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      client.terminate();
    }
  }

  private static String event(String user) {
    return "{\"ts\":\"2024-05-01T10:00:00Z\",\"tenant\":\"acme\",\"user\":\""
        + user
        + "\",\"ip\":\"10.0.0.9\",\"country\":\"FR\",\"attempts\":1,\"email\":\""
        + user
        + "@example.com\"}";
  }

  private static java.util.concurrent.CompletableFuture<InvokeReply> call(
      InvokeServiceClient grpc, String key, String pipeline, String event) {
    return grpc.invoke()
        .addHeader("authorization", "Bearer " + key)
        .invoke(
            InvokeRequest.newBuilder()
                .setPipeline(pipeline)
                .setEventJson(ByteString.copyFromUtf8(event))
                .build())
        .toCompletableFuture();
  }

  private static Status.Code refusal(java.util.concurrent.CompletableFuture<InvokeReply> call) {
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> call.get(20, TimeUnit.SECONDS));
    return Status.fromThrowable(failed.getCause()).getCode();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> detectorNames(InvokeReply reply) {
    return reply.getDetectorsList().stream().map(DetectorValue::getName).toList();
  }

  private static void ok(Result result) {
    assertEquals(0, result.exitCode(), result::toString);
  }
}
