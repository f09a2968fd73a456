package dev.ben.contracts.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final Schema EVERY_TYPE =
      new Schema(
          "every",
          1,
          "t",
          List.of("id"),
          List.of(),
          List.of(
              SchemaField.required("id", FieldType.UUID),
              SchemaField.optional("big", FieldType.U64),
              SchemaField.optional("ok", FieldType.BOOL),
              SchemaField.optional("addr", FieldType.IPV6),
              SchemaField.optional("v4", FieldType.IPV4),
              new SchemaField("tags", FieldType.STRING, true, true, false),
              new SchemaField("counts", FieldType.I32, true, true, false),
              new SchemaField("times", FieldType.TIMESTAMP, true, true, false),
              SchemaField.optional("small", FieldType.I8),
              SchemaField.optional("ratio", FieldType.F64),
              SchemaField.optional("at", FieldType.TIMESTAMP),
              SchemaField.optional("name", FieldType.STRING)),
          "",
          "");

  static final List<String> LINES =
      List.of(
          "{\"id\":\"123E4567-E89B-12D3-A456-426614174000\",\"big\":18446744073709551615,"
              + "\"ok\":true,\"addr\":\"2001:DB8::1\",\"v4\":\"10.0.0.1\",\"tags\":[\"a\",\"b\"],"
              + "\"counts\":[1,-2],\"times\":[0,\"2024-05-01T10:00:00.123Z\"],\"small\":-128,"
              + "\"ratio\":0.25,\"at\":\"2024-05-01T10:00:00+02:00\",\"name\":\"\\u00e9\\\"x\"}",
          "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"big\":7,\"ok\":false,\"ratio\":3,"
              + "\"addr\":\"::ffff:192.0.2.1\",\"at\":1714557600001}",
          "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\"}");

  static Event event(String line) {
    var translator = new EventTranslator(EVERY_TYPE);
    return assertInstanceOf(
            Translation.Accepted.class, translator.translate(line.getBytes(StandardCharsets.UTF_8)))
        .event();
  }

  @Test
  void buildsTheTreeJacksonMakesOfThePlainMap() throws Exception {
    for (String line : LINES) {
      Event event = event(line);
      assertSame(event);
      event.setText(8, "a small number redacted into text");
      event.setArray(6, List.of("1", "2"));
      event.clear(0);
      assertSame(event);
    }
  }

  private static void assertSame(Event event) throws Exception {
    ObjectNode expected = JSON.valueToTree(event.toPlainMap());
    ObjectNode built = EventJson.tree(event, JSON.getNodeFactory());
    assertEquals(expected, built);
    assertEquals(JSON.writeValueAsString(expected), JSON.writeValueAsString(built));
  }
}
