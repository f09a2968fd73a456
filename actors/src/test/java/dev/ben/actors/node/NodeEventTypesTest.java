package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.TestNode;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.KeyFiles;
import dev.ben.contracts.bundle.SigningKey;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.Component;
import dev.ben.streams.eventlog.EventDraft;
import dev.ben.streams.eventlog.EventRefusedException;
import dev.ben.streams.eventlog.ProjectTypes;
import dev.ben.streams.eventlog.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auth example with a declared event type: staging declares nothing, activation declares {@code
 * auth.case_opened} in the node's event log, whose events are then validated against the project's
 * schema; a later bundle changing that schema is refused when staged.
 */
@CapturedLogs
class NodeEventTypesTest {

  private static final String TYPE = "auth.case_opened";
  private static final String SCHEMA =
      "{\"type\":\"object\",\"required\":[\"case_id\"],"
          + "\"properties\":{\"case_id\":{\"type\":\"string\"}}}";

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir static Path keys;

  @TempDir static Path project;
  private static TestNode node;
  private static SigningKey key;
  private static boolean declaredWhenStaged;

  @BeforeAll
  static void start() throws Exception {
    key = Ed25519.generate();
    Path publicKey = KeyFiles.write(keys, "auth", key, true).publicFile();
    copyAuthExample();
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\nben.ledger.trusted-keys = [\""
                + publicKey
                + "\"]",
            batch -> {});
    try (ControlClient control = new ControlClient(node)) {
      long version = control.stage(bundle(SCHEMA)).getStaged(0).getVersion();
      declaredWhenStaged = node.eventLog().types().isDeclared(TYPE);
      control.deploy("auth", version, Duration.ofSeconds(20));
    }
  }

  private static void copyAuthExample() throws Exception {
    Path example = Path.of("../examples/auth");
    try (var files = Files.walk(example)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = project.resolve(example.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    Files.writeString(
        project.resolve("cases.ben"), "event_type case_opened = file(\"schemas/case.json\")\n");
    Files.createDirectories(project.resolve("schemas"));
  }

  private static byte[] bundle(String schema) throws Exception {
    Files.writeString(project.resolve("schemas/case.json"), schema);
    LoadedProject loaded = ProjectLoader.load(project);
    assertTrue(loaded.ok(), loaded.diagnostics().render());
    return ContractBundles.build(loaded.compile("").orElseThrow(), loaded.sources(), key).toBytes();
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void activationDeclaresTheTypeAndItsEventsAreValidatedAgainstTheSchema() {
    assertFalse(declaredWhenStaged, "staging declares nothing");
    Await.until(
        () -> node.eventLog().types().isDeclared(TYPE), "the activated version declares " + TYPE);
    StoredEvent declared =
        node.eventLog().read(BuiltInComponents.LEDGER, 0, Set.of(ProjectTypes.DECLARED), 10).get(0);
    assertEquals(
        "ledger.activated", node.eventLog().get(declared.event().parentId()).orElseThrow().type());

    node.eventLog().register("admin", new Component("intake", Set.of(TYPE), Set.of()));
    EventRefusedException refused =
        assertThrows(
            EventRefusedException.class,
            () ->
                node.eventLog()
                    .publish(
                        "intake",
                        EventDraft.of(TYPE, "opened", JsonNodeFactory.instance.objectNode())));
    assertTrue(refused.getMessage().startsWith("/data/case_id: "), refused.getMessage());
    assertEquals(
        TYPE,
        node.eventLog()
            .publish(
                "intake",
                EventDraft.of(
                    TYPE, "opened", JsonNodeFactory.instance.objectNode().put("case_id", "c1")))
            .type());
  }

  @Test
  void aLaterBundleThatChangesTheSchemaIsRefusedWhenStaged() throws Exception {
    Await.until(() -> node.eventLog().types().isDeclared(TYPE), TYPE + " is declared");
    String changed = SCHEMA.replace("\"string\"", "\"integer\"");
    try (ControlClient control = new ControlClient(node)) {
      ExecutionException refused =
          assertThrows(ExecutionException.class, () -> control.stage(bundle(changed)));
      assertTrue(
          refused.getCause().getMessage().contains("event type " + TYPE),
          refused.getCause().getMessage());
      assertEquals(
          List.of(1L),
          control.stage(bundle(SCHEMA)).getStagedList().stream()
              .map(v -> v.getVersion() - 1)
              .toList(),
          "the same schema stages again");
    }
  }
}
