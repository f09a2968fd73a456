package dev.ben.streams.sidecar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.SentBody;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An event the JSON tree would accept as it is keeps the bytes it was sent in until someone reads
 * it; what the tree must judge (or could refuse) is read through the tree.
 */
class SentObjectsTest {

  private final EventParser parser = new EventParser(new ObjectMapper(), 1 << 20);

  private ObjectNode body(String line) {
    EventParser.Parsed parsed =
        parser.parse(new LineSplitter.Line(1, line.getBytes(UTF_8)), "p", "a", 0);
    return assertInstanceOf(EventParser.Accepted.class, parsed, line).envelope().body();
  }

  @Test
  void aPlainObjectIsKeptAsTheBytesOfTheObjectUntilRead() {
    ObjectNode body = body("  {\"user\":\"ann\",\"n\":[1,{\"m\":2.5}],\"t\":true}\t\r");

    assertArrayEquals(
        "{\"user\":\"ann\",\"n\":[1,{\"m\":2.5}],\"t\":true}".getBytes(UTF_8),
        SentBody.untouchedJson(body));
    assertEquals("ann", body.get("user").asText());
    assertEquals(2.5, body.get("n").get(1).get("m").asDouble());
    assertNull(SentBody.untouchedJson(body), "read, so the tree is what the body is now");
  }

  @Test
  void theSameKeyInTwoObjectsIsNoRepeat() {
    assertNotNull(SentBody.untouchedJson(body("{\"a\":{\"k\":1},\"b\":{\"k\":2},\"k\":3}")));
  }

  @Test
  void whatTheTreeMustJudgeIsReadThroughIt() throws Exception {
    String manyKeys =
        IntStream.range(0, SentObjects.MOST_KEYS + 1)
            .mapToObj(i -> "\"k" + i + "\":" + i)
            .collect(Collectors.joining(",", "{", "}"));
    for (String line :
        new String[] {manyKeys, "{\"big\":9223372036854775808}", "{\"a\":1} {\"b\":2}"}) {
      ObjectNode body = body(line);
      assertNull(SentBody.untouchedJson(body), line);
      assertEquals(
          new ObjectMapper().readTree(line.getBytes(UTF_8), 0, line.indexOf('}') + 1), body, line);
    }
  }

  @Test
  void numbersAtTheEdgesAreDecidedAsTheTreeDecidesThem() {
    String[] numbers = {
      "999999999999999999",
      "-99999999999999999",
      "9223372036854775807",
      "-9223372036854775808",
      "9223372036854775808",
      "18446744073709551615",
      "18446744073709551616",
      "-9223372036854775809",
      "1" + "0".repeat(307) + ".5",
      "1" + "0".repeat(308) + ".5",
      "2" + "0".repeat(308) + ".0",
      "1.7976931348623157e308",
      "1.8e308",
      "-1e309",
      "1E400",
      "1e-400",
      "0.000001"
    };
    for (String number : numbers) {
      LineSplitter.Line line =
          new LineSplitter.Line(1, ("{\"n\":[" + number + "]}").getBytes(UTF_8));
      EventParser.Parsed parsed = parser.parse(line, "p", "a", 0);
      EventParser.Parsed tree = parser.parseTree(line, "p", "a", 0);
      assertEquals(tree.getClass(), parsed.getClass(), number);
      if (tree instanceof EventParser.Accepted accepted) {
        assertEquals(accepted.envelope().body(), ((EventParser.Accepted) parsed).envelope().body());
      } else {
        assertEquals(
            ((EventParser.Refused) tree).detail(), ((EventParser.Refused) parsed).detail());
      }
    }
  }

  @Test
  void aRepeatedKeyInsideAnArrayIsRefusedAsTheTreeRefusesIt() {
    var refused =
        assertInstanceOf(
            EventParser.Refused.class,
            parser.parse(
                new LineSplitter.Line(1, "{\"x\":[{\"k\":1,\"k\":2}]}".getBytes(UTF_8)),
                "p",
                "a",
                0));
    assertEquals("duplicate_key", refused.reason());
  }
}
