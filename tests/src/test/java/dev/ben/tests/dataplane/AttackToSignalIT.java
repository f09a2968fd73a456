package dev.ben.tests.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.command.Environment;
import dev.ben.client.BenSocketClient;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.StoreException;
import dev.ben.tests.control.BenctlLogin;
import dev.ben.tests.control.ClusterNode;
import dev.ben.tests.support.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check on the real NATS and ClickHouse servers: examples/auth deployed
 * through benctl, the attack burst posted as app {@code shop}, the lockout fires in mallory's
 * detector shard, its signal travels over NATS to the app's server-sent stream and the control lane
 * of its socket session on the pipeline's Unix socket (and to no other app's), and the stored rows
 * hold redacted values and the spine's decisions only.
 */
class AttackToSignalIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void theAttackBurstFiresTheLockoutAndTheSignalReachesOnlyTheAppThatSentIt() throws Exception {
    Path examples = Path.of("").toAbsolutePath().getParent().resolve("examples");
    Path project = ExampleProjects.copy("auth", work.resolve("project"));
    String run = TestServers.unique("attack");
    HttpClient http = HttpClient.newHttpClient();
    try (ClusterNode node =
        ClusterNode.onServers(
            Files.createDirectories(work.resolve("node")),
            examples.resolve("auth/keys/auth.pub"),
            TestServers.natsUrl().toString(),
            TestServers.clickHouse(run).url().toString(),
            run)) {
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
      Path socket = node.home().resolve("run/auth.sock");
      await(
          () -> Files.exists(socket),
          "the pipeline's Unix socket (sidecar { uds \"auth.sock\" }) is there");
      String shopKey = BenctlLogin.appKey(admin, node.controlAddress(), "shop");
      String otherKey = BenctlLogin.appKey(admin, node.controlAddress(), "other");
      try (SignalStreams shop = new SignalStreams(http, node.ingestPort(), shopKey);
          SignalStreams other = new SignalStreams(http, node.ingestPort(), otherKey);
          BenSocketClient shopLane = BenSocketClient.unix(socket, shopKey)) {
        await(() -> shop.open() && other.open(), "both apps' signal streams open");
        String attack = Files.readString(examples.resolve("auth/events/attack.ndjson"));
        await(
            () -> post(http, node, shopKey, attack) == 200, "the pipeline takes the attack burst");

        await(
            () -> shop.data().stream().anyMatch(d -> d.contains("lock_account")),
            "shop receives lock_account");
        JsonNode signal =
            JSON.readTree(
                shop.data().stream()
                    .filter(d -> d.contains("lock_account"))
                    .findFirst()
                    .orElseThrow());
        assertEquals("shop", signal.get("app").asText());
        assertEquals("mallory", signal.get("args").get("user").asText());
        assertEquals("brute force", signal.get("args").get("reason").asText());
        assertEquals("lockout", signal.get("playbook").asText());
        assertEquals(
            "more than 20 failed bursts in 5 minutes from outside the network",
            signal.get("explanation").asText(),
            signal.toString());
        assertEquals(
            1,
            shop.data().stream().filter(d -> d.contains("lock_account")).count(),
            "the cooldown suppresses every later firing");
        assertFalse(
            other.data().stream().anyMatch(d -> d.contains("lock_account")),
            "no other app hears it");
        String onLane = shopLane.signals().poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(
            onLane != null && onLane.contains("lock_account") && onLane.contains("mallory"),
            "the signal reaches the app's control lane too: " + onLane);
      }

      try (ClickHouseStore store = ClickHouseStore.open(TestServers.clickHouse(run), JSON)) {
        await(() -> storedSoFar(store) == 24, "the 24 attack events stored");
        List<ObjectNode> rows = rows(store);
        rows.forEach(
            row ->
                assertFalse(
                    row.toString().contains("@example.net"), "a @pii value in clear: " + row));
        assertTrue(
            rows.stream().allMatch(row -> row.get("email").asText().length() == 64),
            "emails stored as keyed hashes: " + rows.get(0));
        assertTrue(
            rows.stream().allMatch(row -> row.get("bits").toString().contains("failed_burst")),
            "rows carry the spine's bits: " + rows.get(0));
        // Each firing is recorded with its explanation, and so is each firing the cooldown
        // suppressed.
        assertEquals(1, rows.stream().filter(row -> outcomes(row).contains("\"FIRED\"")).count());
        assertEquals(
            3, rows.stream().filter(row -> outcomes(row).contains("\"SUPPRESSED\"")).count());
        assertTrue(
            rows.stream()
                .filter(row -> outcomes(row).contains("\"FIRED\""))
                .allMatch(row -> outcomes(row).contains("brute_force and login_rate.fails > 20")),
            "the firing says which condition held");
      }
    }
  }

  private static String outcomes(ObjectNode row) {
    return row.get("playbook_outcomes").asText();
  }

  /**
   * Rows stored so far; none while the migrator has not created the table yet (before the first
   * batch).
   */
  private static int storedSoFar(ClickHouseStore store) {
    try {
      return rows(store).size();
    } catch (StoreException notYet) {
      return 0;
    }
  }

  private static List<ObjectNode> rows(ClickHouseStore store) {
    return store.queryJson("SELECT * FROM logins FINAL");
  }

  private static int post(HttpClient http, ClusterNode node, String key, String ndjson) {
    try {
      return http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + node.ingestPort() + "/api/v1/events?pipeline=auth"))
                  .header("Authorization", "Bearer " + key)
                  .header("Content-Type", "application/x-ndjson")
                  .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void ok(Result result) {
    assertEquals(0, result.exitCode(), result::toString);
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + TIMEOUT.toSeconds() + " s waiting until " + what);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }
}
