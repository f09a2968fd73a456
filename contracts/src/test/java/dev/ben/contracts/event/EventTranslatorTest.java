package dev.ben.contracts.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.model.ExampleContracts;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTranslatorTest {

  private final EventTranslator login = new EventTranslator(ExampleContracts.loginSchema());

  private Translation translate(EventTranslator translator, String json) {
    return translator.translate(json.getBytes(StandardCharsets.UTF_8));
  }

  private Translation.Refused refused(EventTranslator translator, String json) {
    return assertInstanceOf(Translation.Refused.class, translate(translator, json));
  }

  @Test
  void acceptsAFittingEventAndCountsUnknownFields() {
    var accepted =
        assertInstanceOf(
            Translation.Accepted.class,
            translate(
                login,
                "{\"ts\":\"2024-05-01T12:00:00Z\",\"tenant\":\"t1\",\"user\":\"ann\",\"ip\":\"10.1.2.3\","
                    + "\"attempts\":7,\"extra\":1,\"other\":\"x\"}"));
    Event event = accepted.event();
    assertEquals(2, accepted.unknownFields());
    assertEquals(1_714_564_800_000L, event.longValue(0));
    assertEquals("ann", event.text(2));
    assertEquals("10.1.2.3", event.text(3));
    assertEquals(7, event.longValue(5));
    assertEquals(ValueKind.ABSENT, event.kind(4));
    assertEquals("2024-05-01T12:00:00Z", event.toPlainMap().get("ts"));
  }

  @Test
  void refusesMissingKeyWithTheKeyNamed() {
    var refused = refused(login, "{\"ts\":1,\"tenant\":\"t1\",\"ip\":\"10.1.2.3\",\"attempts\":7}");
    assertEquals("user", refused.field());
    assertTrue(refused.message().startsWith("login.user: key field is missing"), refused.message());
  }

  @Test
  void refusesOutOfRangeAndWrongTypes() {
    String base = "{\"ts\":1,\"tenant\":\"t\",\"user\":\"u\",\"ip\":\"10.0.0.1\",";
    assertTrue(refused(login, base + "\"attempts\":-3}").reason().contains("u32 (0..4294967295)"));
    assertTrue(refused(login, base + "\"attempts\":4294967296}").reason().contains("out of range"));
    assertTrue(
        refused(login, base + "\"attempts\":\"7\"}").reason().contains("expects a whole number"));
    assertTrue(
        refused(login, base + "\"attempts\":7.5}").reason().contains("expects a whole number"));
    String badIp =
        "{\"ts\":1,\"tenant\":\"t\",\"user\":\"u\",\"ip\":\"10.0.0.256\",\"attempts\":1}";
    assertTrue(refused(login, badIp).reason().contains("malformed \"10.0.0.256\""));
    String v6 = "{\"ts\":1,\"tenant\":\"t\",\"user\":\"u\",\"ip\":\"2001:db8::1\",\"attempts\":1}";
    assertTrue(refused(login, v6).reason().contains("declare the field ipv6"));
    String badTs =
        "{\"ts\":\"yesterday\",\"tenant\":\"t\",\"user\":\"u\",\"ip\":\"10.0.0.1\",\"attempts\":1}";
    assertTrue(refused(login, badTs).reason().contains("ISO-8601"));
  }

  @Test
  void refusesMalformedDocumentsWithAPosition() {
    assertTrue(refused(login, "{\"ts\": 1,").reason().startsWith("malformed JSON at line 1"));
    assertTrue(refused(login, "[1,2]").reason().contains("expects a JSON object"));
  }

  @Test
  void refusesANamePastJacksonsLimitWithAReasonRatherThanFailing() {
    String line = "{\"" + "n".repeat(60_000) + "\":1}";
    assertTrue(refused(login, line).reason().startsWith("malformed JSON"));
  }

  @Test
  void decodesUnsigned64UuidBooleanArraysAndIpv6() {
    var schema =
        new Schema(
            "s",
            1,
            "t",
            List.of("id"),
            List.of(),
            List.of(
                SchemaField.required("id", FieldType.UUID),
                SchemaField.required("big", FieldType.U64),
                SchemaField.required("ok", FieldType.BOOL),
                SchemaField.required("addr", FieldType.IPV6),
                new SchemaField("tags", FieldType.STRING, false, true, false),
                SchemaField.required("small", FieldType.I8)),
            "",
            "");
    var translator = new EventTranslator(schema);
    var accepted =
        assertInstanceOf(
            Translation.Accepted.class,
            translate(
                translator,
                "{\"id\":\"123E4567-E89B-12D3-A456-426614174000\",\"big\":18446744073709551615,\"ok\":true,"
                    + "\"addr\":\"2001:DB8::1\",\"tags\":[\"a\",\"b\"],\"small\":-128}"));
    Event event = accepted.event();
    assertEquals("123e4567-e89b-12d3-a456-426614174000", event.text(0));
    assertEquals("18446744073709551615", event.plainValue(1));
    assertEquals(Boolean.TRUE, event.plainValue(2));
    assertEquals("2001:db8::1", event.text(3));
    assertEquals(List.of("a", "b"), event.plainValue(4));
    assertTrue(
        refused(
                translator,
                "{\"id\":\"nope\",\"big\":1,\"ok\":true,\"addr\":\"::1\",\"tags\":[],"
                    + "\"small\":1}")
            .reason()
            .contains("a UUID"));
    assertTrue(
        refused(
                translator,
                "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"big\":1,\"ok\":true,"
                    + "\"addr\":\"::1\",\"tags\":[\"a\",3],\"small\":1}")
            .reason()
            .startsWith("element 1 expects a string"));
    assertTrue(
        refused(
                translator,
                "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"big\":1,\"ok\":true,"
                    + "\"addr\":\"::1\",\"tags\":[],\"small\":128}")
            .reason()
            .contains("i8 (-128..127)"));
  }
}
