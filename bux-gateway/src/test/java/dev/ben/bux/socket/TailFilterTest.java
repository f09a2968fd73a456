package dev.ben.bux.socket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TailFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static boolean matches(Map<String, String> filter, String event) throws Exception {
    JsonNode node = JSON.readTree(event);
    return TailFilter.of(new TopicFilter(filter)).test(node);
  }

  @Test
  void everyFieldIsAnExactMatchAndAllMustHold() throws Exception {
    String attack =
        "{\"pipeline\":\"auth\",\"app\":\"web\",\"decisions\":{\"rules\":[\"brute_force\","
            + "\"odd_hour\"],\"action\":\"block\"}}";
    assertTrue(matches(Map.of(), attack));
    assertTrue(matches(Map.of("pipeline", "auth", "app", "web"), attack));
    assertTrue(matches(Map.of("rule", "odd_hour", "action", "block"), attack));
    assertFalse(matches(Map.of("pipeline", "aut"), attack));
    assertFalse(matches(Map.of("rule", "brute"), attack));
    assertFalse(matches(Map.of("pipeline", "auth", "action", "pass"), attack));
  }

  @Test
  void anEventWithoutDecisionsMatchesNoRuleOrActionFilter() throws Exception {
    String plain = "{\"pipeline\":\"demo\",\"app\":\"web\",\"body\":{}}";
    assertTrue(matches(Map.of("pipeline", "demo"), plain));
    assertFalse(matches(Map.of("rule", "any"), plain));
    assertFalse(matches(Map.of("action", "pass"), plain));
  }
}
