package dev.ben.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void quotingEscapesWhatJsonRequiresAndParsingUndoesIt() {
    String tricky = "a \"quoted\" \\ back\nslash\ttab\r\u0001 é ✓";
    String quoted = Json.quote(tricky);
    assertEquals("\"a \\\"quoted\\\" \\\\ back\\nslash\\ttab\\r\\u0001 é ✓\"", quoted);
    assertEquals(tricky, Json.parse(quoted));
  }

  @Test
  void parsesTheFramesTheServerSends() {
    Map<String, Object> ack =
        Json.object(
            """
        {"seq":3,"accepted":2,"refused":1,"refusals":[{"line":2,"reason":"malformed_json","detail":"x \\u00e9\\/"}],
         "overloaded":false,"resume_from_line":0,"ratio":0.5,"none":null,"neg":-7}
        """);
    assertEquals(3L, ack.get("seq"));
    assertEquals(false, ack.get("overloaded"));
    assertEquals(0.5, ack.get("ratio"));
    assertEquals(-7L, ack.get("neg"));
    assertEquals(null, ack.get("none"));
    assertEquals(
        List.of(Map.of("line", 2L, "reason", "malformed_json", "detail", "x é/")),
        ack.get("refusals"));
  }

  @Test
  void malformedJsonIsRefusedNotGuessed() {
    for (String bad :
        List.of(
            "{",
            "{\"a\"}",
            "{\"a\":1,}",
            "[1 2]",
            "\"open",
            "tru",
            "{\"a\":1} x",
            "\"\\x\"",
            "\"\\u12\"",
            "")) {
      assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
    }
  }

  @Test
  void anAckIsReadIntoItsRecord() {
    Ack ack =
        Ack.fromJson(
            "{\"seq\":9,\"accepted\":1,\"refused\":1,\"refusals\":[{\"line\":2,\"reason\":\"r\","
                + "\"detail\":\"d\"}],\"overloaded\":true,\"resume_from_line\":3}");
    assertEquals(new Ack(9, 1, 1, List.of(new Ack.Refusal(2, "r", "d")), true, 3), ack);
  }
}
