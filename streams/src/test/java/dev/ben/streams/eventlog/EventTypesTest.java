package dev.ben.streams.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.EventLogSettings;
import org.junit.jupiter.api.Test;

class EventTypesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static EventLogSettings settings() {
    return EventLogContract.settings("EVENTS", "test.events", "test-events");
  }

  private final EventTypes types = EventTypes.builtIn(settings());

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private EventRefusedException refused(String type, String data) {
    return assertThrows(EventRefusedException.class, () -> types.validate(type, json(data)));
  }

  @Test
  void everyBuiltInTypeIsDeclaredFromItsSchemaFile() {
    assertEquals(EventTypes.BUILT_IN.size(), types.names().size());
    for (String name : EventTypes.BUILT_IN) {
      assertTrue(types.schema(name).orElseThrow().has("$schema"), name);
    }
  }

  @Test
  void validDataPasses() {
    types.validate(
        "playbook.suppressed",
        json(
            "{\"playbook\":\"lockout\",\"reason\":\"cooldown\",\"explanation\":\"fired 2s ago\"}"));
    types.validate("case.opened", json("{\"anything\":1}"));
  }

  @Test
  void aMissingFieldIsNamedByItsPointer() {
    EventRefusedException e =
        refused("playbook.suppressed", "{\"playbook\":\"lockout\",\"reason\":\"cooldown\"}");
    assertEquals(EventRefusedException.Kind.INVALID, e.kind());
    assertEquals("/data/explanation", e.field());
    assertTrue(e.reason().contains("required"), e.reason());
  }

  @Test
  void aWrongValueIsNamedWithWhy() {
    EventRefusedException e =
        refused("ledger.acked", "{\"version\":\"two\",\"component\":\"spine-1\"}");
    assertEquals("/data/version", e.field());
    assertTrue(e.reason().contains("integer"), e.reason());
    EventRefusedException nested =
        refused("playbook.fired", "{\"playbook\":\"p\",\"actions\":[\"lock\", 7]}");
    assertEquals("/data/actions/1", nested.field());
  }

  @Test
  void undeclaredTypesAndOversizedDataAreRefused() {
    assertEquals("/type", refused("nope.never", "{}").field());
    EventRefusedException big = refused("case.opened", "{\"blob\":\"" + "x".repeat(2000) + "\"}");
    assertEquals("/data", big.field());
    assertTrue(big.reason().contains("over the maximum 1024"), big.reason());
  }

  @Test
  void aProjectDeclaresItsOwnTypeAndCannotChangeItsSchema() {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"order\":{\"type\":\"string\"}},"
            + "\"required\":[\"order\"]}";
    types.declare("acme.order_placed", schema);
    types.declare("acme.order_placed", schema.replace(",", " ,"));
    types.validate("acme.order_placed", json("{\"order\":\"o-1\"}"));
    assertEquals("/data/order", refused("acme.order_placed", "{}").field());

    EventRefusedException changed =
        assertThrows(
            EventRefusedException.class,
            () -> types.declare("acme.order_placed", "{\"type\":\"object\"}"));
    assertEquals(EventRefusedException.Kind.CONFLICT, changed.kind());
    EventRefusedException builtIn =
        assertThrows(
            EventRefusedException.class,
            () -> types.declare("ledger.staged", "{\"type\":\"object\"}"));
    assertEquals(EventRefusedException.Kind.CONFLICT, builtIn.kind());
  }

  @Test
  void badNamesAndSchemasAreRefused() {
    assertEquals(
        "/type",
        assertThrows(EventRefusedException.class, () -> types.declare("Acme-Order", "{}")).field());
    assertEquals(
        "/schema",
        assertThrows(EventRefusedException.class, () -> types.declare("acme.x", "[1]")).field());
    assertEquals(
        "/schema",
        assertThrows(EventRefusedException.class, () -> types.declare("acme.x", "{not json"))
            .field());
    EventRefusedException meta =
        assertThrows(
            EventRefusedException.class,
            () -> types.declare("acme.x", "{\"type\":\"object\",\"minProperties\":-1}"));
    assertEquals("/schema/minProperties", meta.field());
    EventRefusedException large =
        assertThrows(
            EventRefusedException.class,
            () -> types.declare("acme.x", "{\"title\":\"" + "t".repeat(5000) + "\"}"));
    assertTrue(large.reason().contains("over the maximum 4096"), large.reason());
  }

  @Test
  void aSchemaReferringToTheNetworkIsRefusedWhenDeclared() {
    EventRefusedException e =
        assertThrows(
            EventRefusedException.class,
            () -> types.declare("acme.remote", "{\"$ref\":\"http://127.0.0.1:9/never.json\"}"));
    assertEquals("/schema", e.field());
    assertTrue(e.reason().contains("never.json"), e.reason());
    assertTrue(!types.isDeclared("acme.remote"));
  }
}
