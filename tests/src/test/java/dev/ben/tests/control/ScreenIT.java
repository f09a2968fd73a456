package dev.ben.tests.control;

import static dev.ben.tests.control.AppKeyPosts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.api.control.ScreenReply;
import dev.ben.api.control.ScreenRequest;
import dev.ben.api.control.ScreenServiceClient;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.command.Environment;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sanctions screening on a real node running examples/auth: a near name is answered alike over HTTP
 * on the ingest port and gRPC on the control port, from the deployed version's list; staging a
 * version whose list file gained a name answers that name at once, with no deploy, while the first
 * version, named, still answers from its own list.
 */
class ScreenIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void httpAndGrpcAnswerAlikeAndAStagedListAnswersWithoutADeploy() throws Exception {
    Path project = ExampleProjects.copy("auth", work.resolve("project"));
    String key = project.resolve("keys/auth.key").toString();
    ActorSystem client = ActorSystem.create("screen-it");
    try (ClusterNode node =
        ClusterNode.standalone(
            Files.createDirectories(work.resolve("node")),
            EXAMPLES.resolve("auth/keys/auth.pub"))) {
      String server = node.controlAddress();
      ok(BenctlHarness.run("build", project.toString(), "--key", key));
      Environment admin =
          BenctlLogin.loggedIn(
              work.resolve("benctl").resolve("config.json"), server, TIMEOUT, node.home());
      ok(BenctlHarness.run(admin, "stage", project.toString(), "--server", server));
      ok(BenctlHarness.run(admin, "deploy", "auth", "--server", server, "--wait", "30"));
      String appKey = BenctlLogin.appKey(admin, server, "shop");
      HttpClient http = HttpClient.newHttpClient();
      URI screen = URI.create("http://127.0.0.1:" + node.ingestPort() + "/api/v1/screen");
      int port = Integer.parseInt(server.replaceAll(".*:", ""));
      ScreenServiceClient grpc =
          ScreenServiceClient.create(
              GrpcClientSettings.connectToServiceAt("127.0.0.1", port, client).withTls(false),
              client);

      String near = question("Ivan Petrow", 2, 0);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (post(http, screen, appKey, near).statusCode() != 200) {
        assertTrue(System.nanoTime() < deadline, "the node answers screenings");
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
      JsonNode overHttp = JSON.readTree(post(http, screen, appKey, near).body());
      assertEquals(1, overHttp.get("version").asLong(), overHttp.toString());
      assertEquals(List.of("ivan petrov:1"), matches(overHttp));
      ScreenReply overGrpc = call(grpc, appKey, "Ivan Petrow", 2, 0).get(20, TimeUnit.SECONDS);
      assertEquals(overHttp.get("pipeline").asText(), overGrpc.getPipeline());
      assertEquals(overHttp.get("version").asLong(), overGrpc.getVersion());
      assertEquals(overHttp.get("list").asText(), overGrpc.getList());
      assertEquals(overHttp.get("name").asText(), overGrpc.getName());
      assertEquals(matches(overHttp), matches(overGrpc));

      Files.writeString(
          project.resolve("lists/sanctions.txt"), "olga ivanova\n", StandardOpenOption.APPEND);
      ok(BenctlHarness.run("build", project.toString(), "--key", key));
      ok(BenctlHarness.run(admin, "stage", project.toString(), "--server", server));
      JsonNode staged =
          JSON.readTree(post(http, screen, appKey, question("Olga Ivanov", 1, 0)).body());
      assertEquals(2, staged.get("version").asLong(), staged.toString());
      assertEquals(List.of("olga ivanova:1"), matches(staged));
      assertEquals(
          List.of("olga ivanova:1"),
          matches(call(grpc, appKey, "Olga Ivanov", 1, 0).get(20, TimeUnit.SECONDS)));
      JsonNode first =
          JSON.readTree(post(http, screen, appKey, question("Olga Ivanov", 1, 1)).body());
      assertEquals(List.of(), matches(first), first.toString());
      Result status = BenctlHarness.run(admin, "status", "auth", "--server", server, "-o", "json");
      ok(status);
      assertEquals(1, JSON.readTree(status.out()).get("active_version").asLong(), status.out());

      assertEquals(404, post(http, screen, appKey, question("x", 1, 9)).statusCode());
      HttpResponse<String> badWithin = post(http, screen, appKey, question("x", 9, 0));
      assertEquals(400, badWithin.statusCode());
      assertTrue(badWithin.body().contains("`within`"), badWithin.body());
      assertEquals(401, post(http, screen, "", near).statusCode());
      assertEquals(Status.Code.NOT_FOUND, refusal(call(grpc, appKey, "x", 1, 9)));
      assertEquals(Status.Code.UNAUTHENTICATED, refusal(call(grpc, "", "x", 1, 0)));
      grpc.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      client.terminate();
    }
  }

  private static String question(String name, int within, long version) {
    return "{\"pipeline\":\"auth\",\"list\":\"sanctions_names\",\"name\":\""
        + name
        + "\",\"within\":"
        + within
        + (version > 0 ? ",\"version\":" + version : "")
        + "}";
  }

  private static CompletableFuture<ScreenReply> call(
      ScreenServiceClient grpc, String key, String name, int within, long version) {
    return grpc.screen()
        .addHeader("authorization", "Bearer " + key)
        .invoke(
            ScreenRequest.newBuilder()
                .setPipeline("auth")
                .setList("sanctions_names")
                .setName(name)
                .setWithin(within)
                .setVersion(version)
                .build())
        .toCompletableFuture();
  }

  private static Status.Code refusal(CompletableFuture<ScreenReply> call) {
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> call.get(20, TimeUnit.SECONDS));
    return Status.fromThrowable(failed.getCause()).getCode();
  }

  private static List<String> matches(JsonNode answer) {
    List<String> matches = new ArrayList<>();
    answer
        .get("matches")
        .forEach(m -> matches.add(m.get("entry").asText() + ":" + m.get("distance").asInt()));
    return matches;
  }

  private static List<String> matches(ScreenReply reply) {
    return reply.getMatchesList().stream().map(m -> m.getEntry() + ":" + m.getDistance()).toList();
  }

  private static void ok(Result result) {
    assertEquals(0, result.exitCode(), result::toString);
  }
}
