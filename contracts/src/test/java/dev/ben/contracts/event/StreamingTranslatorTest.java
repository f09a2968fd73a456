package dev.ben.contracts.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.model.ExampleContracts;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming path against the tree path on random and mutated lines: the translator's answer
 * (streamed or not) is always the tree's, and the streaming path, when it answers at all, accepts
 * exactly what the tree accepts.
 */
class StreamingTranslatorTest {

  private static final int LINES = 40_000;

  static final Schema EVERY_TYPE =
      new Schema(
          "every",
          1,
          "t",
          List.of("id", "name"),
          List.of(),
          List.of(
              SchemaField.required("id", FieldType.UUID),
              SchemaField.required("name", FieldType.STRING),
              SchemaField.required("ts", FieldType.TIMESTAMP),
              SchemaField.optional("small", FieldType.I8),
              SchemaField.optional("mid", FieldType.I16),
              SchemaField.optional("int", FieldType.I32),
              SchemaField.optional("long", FieldType.I64),
              SchemaField.optional("byte", FieldType.U8),
              SchemaField.optional("word", FieldType.U16),
              SchemaField.required("count", FieldType.U32),
              SchemaField.optional("big", FieldType.U64),
              SchemaField.optional("ratio", FieldType.F32),
              SchemaField.optional("amount", FieldType.F64),
              SchemaField.optional("ok", FieldType.BOOL),
              SchemaField.optional("v4", FieldType.IPV4),
              SchemaField.optional("v6", FieldType.IPV6),
              new SchemaField("tags", FieldType.STRING, true, true, false)),
          "",
          "");

  @Test
  void randomAndMutatedLinesGetTheTreesAnswer() {
    for (Schema schema : List.of(EVERY_TYPE, ExampleContracts.loginSchema())) {
      var translator = new EventTranslator(schema);
      var streaming = new StreamingTranslator(new ObjectMapper().getFactory(), schema);
      var lines = new RandomLines(schema, new Random(schema.name().hashCode()));
      int streamed = 0;
      for (int i = 0; i < LINES; i++) {
        byte[] line = lines.next().getBytes(StandardCharsets.UTF_8);
        String expected = describe(translator.translateTree(line));
        String context = new String(line, StandardCharsets.UTF_8);
        assertEquals(expected, describe(translator.translate(line)), context);
        Translation.Accepted fast = streaming.translate(line);
        if (fast != null) {
          streamed++;
          assertEquals(expected, describe(fast), context);
        }
      }
      assertTrue(streamed > LINES / 5, schema.name() + ": only " + streamed + " lines streamed");
    }
  }

  @Test
  void unusualLinesTakeTheTreePath() {
    var streaming = new StreamingTranslator(new ObjectMapper().getFactory(), EVERY_TYPE);
    String fitting =
        "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"name\":\"n\",\"ts\":1,\"count\":1";
    assertInstanceOf(Translation.Accepted.class, streaming.translate(bytes("{" + fitting + "}")));
    for (String unusual :
        List.of(
            "{" + fitting + ",\"count\":2}",
            "{" + fitting + ",\"tags\":[\"a\",null]}",
            "{" + fitting + ",\"tags\":\"a\"}",
            "{" + fitting + ",\"big\":18446744073709551616}",
            "{" + fitting + ",\"small\":128}",
            "{" + fitting + ",\"ts\":\"2024-05-01t12:00:00z\"}",
            "{" + fitting.replace("\"count\":1", "\"count\":null") + "}",
            "[" + fitting + "]",
            "{" + fitting)) {
      assertNull(streaming.translate(bytes(unusual)), unusual);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Everything a reader can observe of a translation, as text. */
  static String describe(Translation translation) {
    if (!(translation instanceof Translation.Accepted accepted)) {
      return translation.toString();
    }
    Event event = accepted.event();
    var text = new StringBuilder("accepted, unknown ").append(accepted.unknownFields());
    for (int i = 0; i < event.size(); i++) {
      text.append("\n ")
          .append(i)
          .append(' ')
          .append(event.kind(i))
          .append(' ')
          .append(event.longValue(i))
          .append(' ')
          .append(Double.doubleToRawLongBits(event.realValue(i)))
          .append(' ')
          .append(event.ipLow(i))
          .append(' ')
          .append(event.plainValue(i));
    }
    return text.toString();
  }
}
