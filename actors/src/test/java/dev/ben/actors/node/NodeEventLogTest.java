package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.TestNode;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.KeyFiles;
import dev.ben.contracts.bundle.SigningKey;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.streams.auth.InitialAdmin;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole node records what it does in its event log: staging, deploying and activating the auth
 * example, then its attack burst's lockout firing (naming the stored event that made it hold and
 * the version that decided it) and the signal it sent, each linked to what caused it.
 */
@CapturedLogs
class NodeEventLogTest {

  private static final String PIPELINE = "auth";

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir static Path keys;

  private static TestNode node;
  private static long version;

  @BeforeAll
  static void start() throws Exception {
    SigningKey key = Ed25519.generate();
    Path publicKey = KeyFiles.write(keys, "auth", key, true).publicFile();
    var contracts = ProjectLoader.load(Path.of("../examples/auth")).compile("").orElseThrow();
    byte[] bundle = ContractBundles.build(contracts, key).toBytes();
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\nben.ledger.trusted-keys = [\""
                + publicKey
                + "\"]",
            batch -> {});
    try (ControlClient control = new ControlClient(node)) {
      version = control.stage(bundle).getStaged(0).getVersion();
      assertEquals(
          version, control.deploy(PIPELINE, version, Duration.ofSeconds(20)).getActiveVersion());
    }
    String burst = Files.readString(Path.of("../examples/auth/events/attack.ndjson"));
    assertEquals(200, node.post("/api/v1/events?pipeline=" + PIPELINE, burst).statusCode());
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static List<StoredEvent> logged() {
    return node.eventLog().read(BuiltInComponents.LEDGER, 0, Set.of(), 500);
  }

  private static Optional<StoredEvent> first(String type) {
    return logged().stream().filter(e -> e.type().equals(type)).findFirst();
  }

  private static StoredEvent awaited(String type) {
    Await.until(() -> first(type).isPresent(), "a " + type + " event in the log");
    return first(type).orElseThrow();
  }

  /** Whether the auth pipeline stored the event (its table appears with its first batch). */
  private static boolean stored(String eventId) {
    try {
      return node.store
              .queryJson(
                  "SELECT count(*) AS n FROM logins WHERE event_id = '"
                      + eventId.replace("'", "''")
                      + "'")
              .get(0)
              .get("n")
              .asLong()
          == 1;
    } catch (StoreException notYet) {
      return false;
    }
  }

  @Test
  void theVersionsStageDeployAndActivationAreOneLineageWithWhoStagedIt() {
    StoredEvent staged = awaited("ledger.staged");
    StoredEvent deployed = awaited("ledger.deployed");
    StoredEvent activated = awaited("ledger.activated");

    assertEquals(InitialAdmin.USER, staged.event().data().get("staged_by").asText());
    assertEquals(BuiltInComponents.LEDGER, staged.event().source());
    assertEquals(PIPELINE, staged.event().subjects().pipeline());
    assertEquals(Long.toString(version), staged.event().subjects().contractVersion());
    assertEquals(staged.id(), deployed.event().parentId());
    assertEquals(deployed.id(), activated.event().parentId());
    assertEquals(
        List.of(staged.id(), deployed.id(), activated.id()),
        node.eventLog().lineage(activated.id()).stream().map(StoredEvent::id).toList());
    assertTrue(
        node.eventLog().children(deployed.id()).stream()
            .anyMatch(child -> child.type().equals("ledger.acked")),
        "each component's ack hangs under the deploy");
  }

  @Test
  void theLockoutFiringNamesItsStoredEventAndVersionAndItsSignalHangsUnderIt() {
    StoredEvent fired = awaited("playbook.fired");
    assertEquals("lockout", fired.event().data().get("playbook").asText());
    assertEquals(Long.toString(version), fired.event().subjects().contractVersion());
    assertEquals(BuiltInComponents.DETECTOR, fired.event().source());
    // The detectors key auth's logins by user, which the schema does not redact.
    assertEquals("mallory", fired.event().subjects().userKey());
    String eventId = fired.event().data().get("event_id").asText();
    Await.until(() -> stored(eventId), "the event that fired the lockout is stored");

    StoredEvent published = awaited("signal.published");
    assertEquals(fired.id(), published.event().parentId());
    assertEquals("lock_account", published.event().data().get("kind").asText());
    assertEquals(published.id(), published.event().data().get("signal_id").asText());
  }

  @Test
  void theFiringsTheCooldownHeldBackAreRecordedWithWhy() {
    StoredEvent suppressed = awaited("playbook.suppressed");
    assertEquals("cooldown", suppressed.event().data().get("reason").asText());
    assertTrue(
        suppressed.event().data().get("explanation").asText().startsWith("cooldown"),
        suppressed.event().data().toString());
  }

  /** The event's row in the log's history, once the cluster's copier got to it. */
  private static Optional<ObjectNode> archived(String eventId) {
    try {
      return node
          .store
          .queryJson(
              "SELECT type, pipeline, parent_id FROM ben_eventlog WHERE event_id = ?",
              List.of(eventId))
          .stream()
          .findFirst();
    } catch (StoreException notYet) {
      return Optional.empty();
    }
  }

  @Test
  void theLogIsCopiedIntoItsHistoryInTheStore() {
    StoredEvent activated = awaited("ledger.activated");
    Await.until(() -> archived(activated.id()).isPresent(), "the activation in ben_eventlog");
    ObjectNode row = archived(activated.id()).orElseThrow();
    assertEquals("ledger.activated", row.get("type").asText());
    assertEquals(PIPELINE, row.get("pipeline").asText());
    assertEquals(activated.event().parentId(), row.get("parent_id").asText());
  }
}
