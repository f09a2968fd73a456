package dev.ben.streams.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectKeyTest {

  private static ObjectNode body(String json) throws Exception {
    return (ObjectNode) new ObjectMapper().readTree(json);
  }

  @Test
  void theKeyFieldsValuesAsTheSpineHandedThemOn() throws Exception {
    ObjectNode event =
        body("{\"tenant\":\"acme\",\"user\":\"mallory\",\"email\":\"9f2c\",\"n\":3}");
    assertEquals("mallory", SubjectKey.of(event, List.of("user")));
    assertEquals("acme/mallory", SubjectKey.of(event, List.of("tenant", "user")));
    assertEquals("9f2c", SubjectKey.of(event, List.of("email")), "a redacted field stays redacted");
    assertEquals("3", SubjectKey.of(event, List.of("n")));
  }

  @Test
  void noKeyWhenTheDetectorsHaveNoneOrTheEventLacksAField() throws Exception {
    ObjectNode event = body("{\"user\":\"mallory\",\"ip\":null}");
    assertNull(SubjectKey.of(event, List.of()));
    assertNull(SubjectKey.of(event, List.of("tenant")));
    assertNull(SubjectKey.of(event, List.of("ip")));
  }

  @Test
  void controlCharactersASenderChoseNeverReachTheLog() throws Exception {
    assertEquals("eve?admin", SubjectKey.of(body("{\"user\":\"eve\\nadmin\"}"), List.of("user")));
  }
}
