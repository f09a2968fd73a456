package dev.ben.tests.eventlog;

import static dev.ben.tests.eventlog.LogNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.command.Environment;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.StoreException;
import dev.ben.tests.control.BenctlLogin;
import dev.ben.tests.dataplane.SignalStreams;
import dev.ben.tests.eventlog.LogNode.Backend;
import dev.ben.tests.support.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event log's lineage end to end on the real NATS and ClickHouse: examples/auth staged and
 * deployed by alice, the attack burst posted as app {@code shop} while shop listens for signals,
 * and the lockout's firing found with {@code benctl events}; its tree, in benctl and in ben_api,
 * runs from the firing to the stored event that caused it, to the contract version's activation,
 * deploy and staging by alice, and to the signal and its delivery to shop.
 */
class EventLogLineageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
  private static final String ID = "\\(([0-9a-zA-Z-]+)\\)";

  @TempDir Path work;

  @Test
  void theLockoutsTreeRunsFromTheStoredEventToTheStagerAndTheDelivery() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (LogNode log = LogNode.start(Backend.NATS, work, ConfigFactory.empty())) {
      Environment alice = log.user("alice", "operator");
      Path project = ExampleProjects.copy("auth", work.resolve("project"));
      BenctlHarness.Result built =
          BenctlHarness.run(
              "build", project.toString(), "--key", project.resolve("keys/auth.key").toString());
      assertEquals(0, built.exitCode(), built::toString);
      log.benctl(alice, "stage", project.toString());
      log.benctl(alice, "deploy", "auth", "--wait", "30");
      String shopKey = BenctlLogin.appKey(log.admin, log.node.controlAddress(), "shop");

      try (SignalStreams shop = new SignalStreams(http, log.node.ingestPort(), shopKey)) {
        await("shop's signal stream is open", shop::open);
        String attack = Files.readString(LogNode.EXAMPLES.resolve("auth/events/attack.ndjson"));
        await("the pipeline takes the attack burst", () -> post(http, log, shopKey, attack) == 200);
        await(
            "shop receives lock_account",
            () -> shop.data().stream().anyMatch(d -> d.contains("lock_account")));

        JsonNode firing = awaitFiring(log);
        String firingId = firing.get("event_id").asText();
        String storedId = firing.get("data").get("event_id").asText();
        assertEquals("auth", firing.get("subjects").get("pipeline").asText());
        assertEquals("shop", firing.get("subjects").get("app").asText());

        await(
            "the delivery to shop is in the firing's tree",
            () -> tree(log, firingId).contains("signal.delivered"));
        List<String> lines = tree(log, firingId).lines().toList();
        assertEquals(7, lines.size(), () -> String.join("\n", lines));
        matches(
            lines.get(0),
            "playbook\\.fired  "
                + TIME
                + "  detector  lockout fired lock_account"
                + " on event "
                + Pattern.quote(storedId)
                + "  \\("
                + firingId
                + "\\)  ◀");
        assertEquals("├─ caused by: stored event " + storedId, lines.get(1));
        matches(
            lines.get(2),
            "├─ contract: ledger\\.activated  "
                + TIME
                + "  ledger  v1 is active"
                + " on \\d+ component\\(s\\)  "
                + ID);
        matches(
            lines.get(3),
            "│  └─ parent: ledger\\.deployed  "
                + TIME
                + "  ledger  deploy of v1"
                + " by alice  "
                + ID);
        matches(
            lines.get(4),
            "│     └─ parent: ledger\\.staged  "
                + TIME
                + "  ledger  staged v1 by"
                + " alice  "
                + ID);
        matches(
            lines.get(5),
            "└─ signal\\.published  "
                + TIME
                + "  detector  lock_account sent"
                + " towards app shop  "
                + ID);
        matches(
            lines.get(6),
            "   └─ signal\\.delivered  "
                + TIME
                + "  signals  lock_account"
                + " reached app shop over sse  "
                + ID);

        try (ClickHouseStore store = ClickHouseStore.open(TestServers.clickHouse(log.run), JSON)) {
          await(
              "the event that caused the firing is a stored row of logins",
              () -> storedRows(store, storedId) == 1);
        }

        JsonNode api = apiTree(http, log, firingId);
        JsonNode root = api.get("root");
        assertEquals(firingId, root.get("event").get("event_id").asText(), api::toString);
        assertTrue(root.get("focus").asBoolean());
        List<JsonNode> children = list(root.get("children"));
        assertEquals(List.of("caused_by", "contract", "child"), relations(children));
        assertEquals(storedId, children.get(0).get("reference").asText());
        JsonNode activated = children.get(1);
        JsonNode deployed = activated.get("children").get(0);
        JsonNode staged = deployed.get("children").get(0);
        assertEquals("ledger.activated", activated.get("event").get("type").asText());
        assertEquals("ledger.deployed", deployed.get("event").get("type").asText());
        assertEquals("alice", deployed.get("event").get("data").get("deployed_by").asText());
        assertEquals("ledger.staged", staged.get("event").get("type").asText());
        assertEquals("alice", staged.get("event").get("data").get("staged_by").asText());
        assertEquals("1", staged.get("event").get("subjects").get("contract_version").asText());
        JsonNode published = children.get(2);
        assertEquals("signal.published", published.get("event").get("type").asText());
        JsonNode delivered = published.get("children").get(0);
        assertEquals("signal.delivered", delivered.get("event").get("type").asText());
        assertEquals(
            published.get("event").get("event_id").asText(),
            delivered.get("event").get("parent_id").asText());
      }
    }
  }

  /** The lockout's firing as {@code benctl events --type playbook.fired -o json} lists it. */
  private static JsonNode awaitFiring(LogNode log) {
    JsonNode[] found = new JsonNode[1];
    await(
        "benctl events lists the lockout's playbook.fired",
        () -> {
          Optional<JsonNode> firing =
              list(
                      readJson(
                              log.benctl(
                                      log.admin, "events", "--type", "playbook.fired", "-o", "json")
                                  .out())
                          .get("events"))
                  .stream()
                  .filter(e -> e.get("data").get("playbook").asText().equals("lockout"))
                  .findFirst();
          firing.ifPresent(f -> found[0] = f);
          return firing.isPresent();
        });
    return found[0];
  }

  /** Rows of {@code logins} with this event id; none while the table is not there yet. */
  private static int storedRows(ClickHouseStore store, String eventId) {
    try {
      return store
          .queryJson("SELECT event_id FROM logins FINAL WHERE event_id = ?", List.of(eventId))
          .size();
    } catch (StoreException notYet) {
      return 0;
    }
  }

  private static String tree(LogNode log, String id) {
    return log.benctl(log.admin, "events", "tree", id).out();
  }

  private static JsonNode apiTree(HttpClient http, LogNode log, String id) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + log.node.gatewayPort()
                            + "/api/v1/eventlog/"
                            + id
                            + "/tree"))
                .header("Authorization", "Bearer " + log.token("admin"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer::body);
    return readJson(answer.body());
  }

  private static void matches(String line, String pattern) {
    assertTrue(Pattern.matches(pattern, line), () -> "`" + line + "` is not /" + pattern + "/");
  }

  private static List<String> relations(List<JsonNode> nodes) {
    return nodes.stream().map(n -> n.get("relation").asText()).toList();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int post(HttpClient http, LogNode log, String key, String ndjson) {
    try {
      return http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + log.node.ingestPort()
                              + "/api/v1/events?pipeline=auth"))
                  .header("Authorization", "Bearer " + key)
                  .header("Content-Type", "application/x-ndjson")
                  .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
