package dev.ben.contracts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.EventJson;
import dev.ben.contracts.event.EventTranslator;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.event.ValueKind;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RoundTripTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Schema SCHEMA =
      new Schema(
          "every",
          1,
          "t",
          List.of("id"),
          List.of(),
          List.of(
              SchemaField.required("id", FieldType.STRING),
              SchemaField.optional("big", FieldType.U64),
              SchemaField.optional("ok", FieldType.BOOL),
              SchemaField.optional("addr", FieldType.IPV4),
              new SchemaField("tags", FieldType.STRING, true, true, false),
              new SchemaField("times", FieldType.TIMESTAMP, true, true, false),
              SchemaField.optional("small", FieldType.I8),
              SchemaField.optional("ratio", FieldType.F64),
              SchemaField.required("at", FieldType.TIMESTAMP),
              SchemaField.optional("who", FieldType.UUID)),
          "",
          "");

  private static final String LINE =
      "{\"id\":\"k\",\"big\":5,\"ok\":true,\"addr\":\"10.0.0.1\",\"tags\":[\"a\"],\"small\":-3,"
          + "\"ratio\":0.5,\"at\":\"2024-05-01T10:00:00.5Z\","
          + "\"who\":\"123e4567-e89b-12d3-a456-426614174000\"}";

  private RoundTrip roundTrip = new RoundTrip(SCHEMA, List.of("id", "addr", "tags", "nowhere"));

  private static Event translated(String json) {
    return assertInstanceOf(
            Translation.Accepted.class, new EventTranslator(SCHEMA).translate(json.getBytes()))
        .event();
  }

  /** The event the translator makes of the body; null when it refuses the body. */
  private static Event again(Event event) throws Exception {
    byte[] body = JSON.writeValueAsBytes(EventJson.tree(event, JSON.getNodeFactory()));
    return new EventTranslator(SCHEMA).translate(body) instanceof Translation.Accepted accepted
        ? accepted.event()
        : null;
  }

  private static void assertSameEvent(Event expected, Event actual) {
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.kind(i), actual.kind(i), "kind of field " + i);
      assertEquals(expected.plainValue(i), actual.plainValue(i), "field " + i);
      if (expected.kind(i) == ValueKind.IP || expected.kind(i) == ValueKind.INTEGER) {
        assertEquals(expected.longValue(i), actual.longValue(i));
      }
      if (expected.kind(i) == ValueKind.IP) {
        assertEquals(expected.ipLow(i), actual.ipLow(i));
      }
    }
  }

  private boolean check(Consumer<Event> redaction) throws Exception {
    Event event = translated(LINE);
    redaction.accept(event);
    Event again = again(event);
    if (roundTrip.holds(event)) {
      assertTrue(again != null, "the body must translate when the round trip is said to hold");
      assertSameEvent(event, again);
      return true;
    }
    return false;
  }

  @Test
  void holdsForWhatTheTranslatorMadeAndForTextAndAddressesRedactedInTheirOwnKind()
      throws Exception {
    assertTrue(check(event -> {}));
    assertTrue(check(event -> event.setText(0, "****")));
    assertTrue(check(event -> event.setIp(3, 0, 0xFFFF_0A00_0000L, "10.0.0.0")));
    assertTrue(check(event -> event.setArray(4, List.of("x", "y"))));
    assertTrue(check(event -> event.clear(6)));
    assertTrue(check(event -> event.setLong(1, Long.MAX_VALUE)));
  }

  @Test
  void failsWhenTheBodyWouldNotComeBackTheSame() throws Exception {
    assertFalse(check(event -> event.clear(0)), "a key removed");
    assertFalse(check(event -> event.clear(8)), "a required field removed");
    assertFalse(check(event -> event.setText(6, "12")), "a number redacted into text");
    assertFalse(check(event -> event.setText(8, "2024-05-01")), "a timestamp redacted");
    assertFalse(check(event -> event.setText(3, "abc")), "an address hashed");
    assertFalse(check(event -> event.setLong(1, -1)), "a u64 beyond the signed range");
    roundTrip = new RoundTrip(SCHEMA, List.of("small", "at", "who"));
    assertFalse(check(event -> {}), "numbers, timestamps and UUIDs a redaction may touch");
    assertFalse(check(event -> event.setArray(5, List.of("x"))), "timestamps in an array");
    assertFalse(check(event -> event.setText(9, "123e4567")), "a UUID truncated");
  }
}
