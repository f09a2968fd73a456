package dev.ben.streams.sidecar.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CombinedLogLineTest {

  private static final String LINE =
      "203.0.113.9 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" "
          + "200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"";

  @Test
  void aCombinedLineBecomesAnEventInUtc() throws Exception {
    ObjectNode event = CombinedLogLine.parse(LINE);
    assertEquals("2000-10-10T20:55:36Z", event.get("ts").asText());
    assertEquals("203.0.113.9", event.get("client_ip").asText());
    assertEquals("GET", event.get("method").asText());
    assertEquals("/apache_pb.gif", event.get("path").asText());
    assertEquals("HTTP/1.0", event.get("protocol").asText());
    assertEquals(200, event.get("status").asInt());
    assertEquals(2326, event.get("bytes").asLong());
    assertEquals("http://www.example.com/start.html", event.get("referrer").asText());
    assertEquals("Mozilla/4.08 [en] (Win98; I ;Nav)", event.get("user_agent").asText());
  }

  @Test
  void dashesAndTheCommonFormatMeanAbsentFields() throws Exception {
    ObjectNode event =
        CombinedLogLine.parse(
            "198.51.100.7 - - [01/May/2024:12:00:00 +0000] \"HEAD / HTTP/1.1\" 304 - \"-\" \"-\"");
    assertFalse(
        event.has("bytes") || event.has("referrer") || event.has("user_agent"), event.toString());
    ObjectNode common =
        CombinedLogLine.parse("198.51.100.7 - - [01/May/2024:12:00:00 +0000] \"GET /x\" 404 12");
    assertEquals(404, common.get("status").asInt());
    assertFalse(common.has("protocol"));
  }

  @Test
  void linesThatAreNotCombinedAreRefusedWithTheReason() {
    assertTrue(
        assertThrows(CombinedLogLine.Malformed.class, () -> CombinedLogLine.parse("hello"))
            .getMessage()
            .contains("combined log format"));
    assertTrue(
        assertThrows(
                CombinedLogLine.Malformed.class,
                () ->
                    CombinedLogLine.parse(
                        "1.2.3.4 - - [31/Foo/2024:12:00:00 +0000] \"GET / HTTP/1.1\" 200 1"))
            .getMessage()
            .contains("time"));
    assertTrue(
        assertThrows(
                CombinedLogLine.Malformed.class,
                () ->
                    CombinedLogLine.parse(
                        "1.2.3.4 - - [01/May/2024:12:00:00 +0000] \"GET / HTTP/1.1\" 200 99999999999999999999999"))
            .getMessage()
            .contains("too large"));
  }

  /** Mutated lines either parse or are refused as malformed: nothing else escapes the parser. */
  @Test
  void mutatedLinesNeverEscapeAsAnythingButMalformed() {
    Random random = new Random(23);
    for (int round = 0; round < 5_000; round++) {
      char[] chars = LINE.toCharArray();
      for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
        chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
      }
      String mutated = new String(chars, 0, random.nextInt(chars.length + 1));
      try {
        CombinedLogLine.parse(mutated);
      } catch (CombinedLogLine.Malformed expected) {
        // refused with a reason, as it should be
      }
    }
  }
}
