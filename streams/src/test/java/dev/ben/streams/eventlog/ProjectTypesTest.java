package dev.ben.streams.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.config.EventLogSettings;
import dev.ben.contracts.model.EventTypeNames;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract project's event type, declared by the ledger's {@link ProjectTypes#DECLARED} event,
 * validates events of the type like a built-in one, and reaches a restarted node through the log.
 */
class ProjectTypesTest {

  private static final EventLogSettings SETTINGS = EventLogContract.settings("s", "s", "b");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));

  private static JsonNode schema(String propertyType) throws Exception {
    return JSON.readTree(
        "{\"type\":\"object\",\"required\":[\"case_id\"],"
            + "\"properties\":{\"case_id\":{\"type\":\""
            + propertyType
            + "\"}}}");
  }

  private static EventDraft declared(String type, JsonNode schema) {
    return EventDraft.of(
        ProjectTypes.DECLARED, "declares " + type, ProjectTypes.declaration(type, schema, 2));
  }

  private static EventDraft opened(JsonNode data) {
    return EventDraft.of("cases.case_opened", "case opened", data);
  }

  @Test
  void aDeclaredTypeValidatesItsEventsAndOutlivesTheProcess() throws Exception {
    try (EventLogStore store = RocksEventLogStore.open(dir, clock)) {
      EventLog log = BuiltInComponents.logOn(store, SETTINGS, clock);
      assertFalse(log.types().isDeclared("cases.case_opened"));
      log.publish(BuiltInComponents.LEDGER, declared("cases.case_opened", schema("string")));
      assertTrue(log.types().isDeclared("cases.case_opened"));
      log.register("admin", new Component("intake", Set.of("cases.case_opened"), Set.of()));

      EventRefusedException refused =
          assertThrows(
              EventRefusedException.class,
              () -> log.publish("intake", opened(JsonNodeFactory.instance.objectNode())));
      assertEquals(EventRefusedException.Kind.INVALID, refused.kind());
      assertTrue(refused.getMessage().startsWith("/data/case_id: "), refused.getMessage());
      log.publish("intake", opened(JsonNodeFactory.instance.objectNode().put("case_id", "c-1")));
    }
    try (EventLogStore store = RocksEventLogStore.open(dir, clock)) {
      EventLog restarted = BuiltInComponents.logOn(store, SETTINGS, clock);
      assertTrue(restarted.types().isDeclared("cases.case_opened"));
      assertEquals(
          "cases.case_opened",
          restarted
              .publish(
                  "intake", opened(JsonNodeFactory.instance.objectNode().put("case_id", "c-2")))
              .type(),
          "the registration naming the declared type was read back after the declaration");
    }
  }

  @Test
  void aNodeLearnsOfATypeAnotherNodeDeclaredWhenItIsFirstNamed() throws Exception {
    try (EventLogStore store = RocksEventLogStore.open(dir, clock)) {
      EventLog declaring = BuiltInComponents.logOn(store, SETTINGS, clock);
      EventLog other = BuiltInComponents.logOn(store, SETTINGS, clock);
      declaring.publish(BuiltInComponents.LEDGER, declared("cases.case_opened", schema("string")));
      assertFalse(other.types().isDeclared("cases.case_opened"));
      other.register("admin", new Component("intake", Set.of("cases.case_opened"), Set.of()));
      assertTrue(other.types().isDeclared("cases.case_opened"));
    }
  }

  @Test
  void aTypeKeepsItsSchemaAndNoProjectTakesBensPrefixes() throws Exception {
    try (EventLogStore store = RocksEventLogStore.open(dir, clock)) {
      EventLog log = BuiltInComponents.logOn(store, SETTINGS, clock);
      log.publish(BuiltInComponents.LEDGER, declared("cases.case_opened", schema("string")));
      log.publish(BuiltInComponents.LEDGER, declared("cases.case_opened", schema("string")));
      EventRefusedException changed =
          assertThrows(
              EventRefusedException.class,
              () ->
                  log.publish(
                      BuiltInComponents.LEDGER, declared("cases.case_opened", schema("integer"))));
      assertEquals(EventRefusedException.Kind.CONFLICT, changed.kind());
      EventRefusedException reserved =
          assertThrows(
              EventRefusedException.class,
              () ->
                  log.publish(
                      BuiltInComponents.LEDGER, declared("signal.case_opened", schema("string"))));
      assertTrue(reserved.getMessage().startsWith("/data/type: "), reserved.getMessage());
      assertEquals(
          2,
          log.browse(0, Set.of(ProjectTypes.DECLARED), 10).size(),
          "refused declarations are not recorded");
    }
  }

  @Test
  void onlyTheLedgerDeclaresTypes() throws Exception {
    try (EventLogStore store = RocksEventLogStore.open(dir, clock)) {
      EventLog log = BuiltInComponents.logOn(store, SETTINGS, clock);
      log.register("admin", new Component("rogue", Set.of(ProjectTypes.DECLARED), Set.of()));
      EventRefusedException refused =
          assertThrows(
              EventRefusedException.class,
              () -> log.publish("rogue", declared("cases.case_opened", schema("string"))));
      assertEquals(EventRefusedException.Kind.UNREGISTERED, refused.kind());
      assertFalse(log.types().isDeclared("cases.case_opened"));
    }
  }

  @Test
  void everyBuiltInTypeStartsWithAReservedPrefix() {
    for (String type : EventTypes.BUILT_IN) {
      String prefix = type.substring(0, type.indexOf('.'));
      assertTrue(EventTypeNames.RESERVED_PREFIXES.contains(prefix), type);
    }
  }
}
