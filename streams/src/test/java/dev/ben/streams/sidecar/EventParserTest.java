package dev.ben.streams.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventParserTest {

  private final EventParser parser = new EventParser(new ObjectMapper(), 1024);

  private EventParser.Parsed parse(String text) {
    return parser.parse(
        new LineSplitter.Line(7, text.getBytes(StandardCharsets.UTF_8)), "auth", "web", 1000L);
  }

  @Test
  void anObjectBecomesAnEnvelopeWithAFreshId() {
    var first =
        assertInstanceOf(EventParser.Accepted.class, parse("{\"user\":\"ann\",\"attempts\":3}"));
    var second = assertInstanceOf(EventParser.Accepted.class, parse("{\"user\":\"ann\"}"));
    assertEquals("ann", first.envelope().body().get("user").asText());
    assertEquals("auth", first.envelope().pipeline());
    assertEquals("web", first.envelope().app());
    assertEquals(36, first.envelope().eventId().length());
    assertNotEquals(first.envelope().eventId(), second.envelope().eventId());
  }

  @Test
  void malformedJsonIsRefusedWithTheColumn() {
    var refused = assertInstanceOf(EventParser.Refused.class, parse("{\"user\": ann}"));
    assertEquals("malformed_json", refused.reason());
    assertEquals(7, refused.line());
    assertTrue(
        refused.detail().startsWith("not valid JSON at column 14: Unrecognized token 'ann'"),
        refused.detail());
  }

  @Test
  void nonObjectsAreRefusedSayingWhatTheyWere() {
    var refused = assertInstanceOf(EventParser.Refused.class, parse("[1,2]"));
    assertEquals("not_an_object", refused.reason());
    assertEquals("each line must be one JSON object, got an array", refused.detail());
  }

  @Test
  void blankAndOverlongLines() {
    assertInstanceOf(EventParser.Blank.class, parse("  \t"));
    var tooLong =
        assertInstanceOf(
            EventParser.Refused.class,
            parser.parse(new LineSplitter.Line(3, null), "auth", "web", 0));
    assertEquals("line_too_long", tooLong.reason());
  }

  @Test
  void arbitraryBytesNeverThrow() {
    Random random = new Random(7);
    for (int i = 0; i < 5000; i++) {
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      if (random.nextBoolean() && bytes.length > 0) {
        bytes[0] = '{';
      }
      EventParser.Parsed parsed = parser.parse(new LineSplitter.Line(1, bytes), "p", "a", 0);
      assertEquals(1, parsed.line());
    }
  }
}
