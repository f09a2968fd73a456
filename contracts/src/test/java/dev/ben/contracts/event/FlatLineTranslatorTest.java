package dev.ben.contracts.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.model.ExampleContracts;
import dev.ben.contracts.model.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte scanner against Jackson's streaming path and the tree on random and mutated lines: when
 * it answers at all it accepts exactly what the tree accepts, with the values the streaming path
 * sets, and it answers for most fitting lines.
 */
class FlatLineTranslatorTest {

  private static final int LINES = 40_000;

  @Test
  void randomAndMutatedLinesGetTheTreesAnswer() {
    for (Schema schema :
        List.of(StreamingTranslatorTest.EVERY_TYPE, ExampleContracts.loginSchema())) {
      var translator = new EventTranslator(schema);
      var streaming = new StreamingTranslator(new ObjectMapper().getFactory(), schema);
      var flat = new FlatLineTranslator(schema);
      var lines = new RandomLines(schema, new Random(31L * schema.name().hashCode()));
      int scanned = 0;
      for (int i = 0; i < LINES; i++) {
        byte[] line = lines.next().getBytes(StandardCharsets.UTF_8);
        String context = new String(line, StandardCharsets.UTF_8);
        Translation.Accepted fast = flat.translate(line);
        if (fast != null) {
          scanned++;
          String expected = StreamingTranslatorTest.describe(translator.translateTree(line));
          assertEquals(expected, StreamingTranslatorTest.describe(fast), context);
          Translation.Accepted streamed = streaming.translate(line);
          if (streamed != null) {
            assertEquals(
                StreamingTranslatorTest.describe(streamed),
                StreamingTranslatorTest.describe(fast),
                context);
          }
        }
      }
      assertTrue(scanned > LINES / 6, schema.name() + ": only " + scanned + " lines scanned");
    }
  }

  @Test
  void unusualLinesGoOnToJacksonAndGetTheTreesAnswer() {
    var flat = new FlatLineTranslator(StreamingTranslatorTest.EVERY_TYPE);
    var translator = new EventTranslator(StreamingTranslatorTest.EVERY_TYPE);
    String fitting =
        "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"name\":\"n\",\"ts\":1,\"count\":1";
    assertInstanceOf(Translation.Accepted.class, flat.translate(bytes("{ " + fitting + " }\n")));
    for (String unusual :
        List.of(
            "{" + fitting + ",\"count\":2}",
            "{" + fitting + ",\"tags\":[\"a\",null]}",
            "{" + fitting + ",\"tags\":[[\"a\"]]}",
            "{" + fitting + ",\"x\":{}}",
            "{" + fitting + ",\"name\":\"caf\\u00e9\"}".replace(",\"name\":\"n\"", ""),
            "{" + fitting.replace("\"n\"", "\"caf\u00e9\"") + "}",
            "{" + fitting.replace("\"ts\":1", "\"ts\":01") + "}",
            "{" + fitting.replace("\"ts\":1", "\"ts\":1.") + "}",
            "{" + fitting.replace("\"ts\":1", "\"ts\":1e3") + "}",
            "{" + fitting.replace("\"ts\":1", "\"ts\":9223372036854775808") + "}",
            "{" + fitting + ",\"ok\":truex}",
            "{" + fitting + ",\"ok\":1}",
            "{" + fitting + ",}",
            "\uFEFF{" + fitting + "}",
            "[" + fitting + "]",
            "{" + fitting)) {
      assertNull(flat.translate(bytes(unusual)), unusual);
      assertEquals(
          StreamingTranslatorTest.describe(translator.translateTree(bytes(unusual))),
          StreamingTranslatorTest.describe(translator.translate(bytes(unusual))),
          unusual);
    }
  }

  @Test
  void namesPastJacksonsLimitGoOnToJackson() {
    var flat = new FlatLineTranslator(StreamingTranslatorTest.EVERY_TYPE);
    String fitting =
        "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"name\":\"n\",\"ts\":1,\"count\":1";
    assertNull(flat.translate(bytes("{" + fitting + ",\"" + "k".repeat(60_000) + "\":1}")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
