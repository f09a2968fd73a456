package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AuthTrafficTest {

  @Test
  void linesAreLoginEventsWithAboutOneAttackInAHundredAndTheSameForTheSameSeed() throws Exception {
    ObjectMapper json = new ObjectMapper();
    AuthTraffic traffic = new AuthTraffic(1, 1_000);
    AuthTraffic again = new AuthTraffic(1, 1_000);
    int attacks = 0;
    for (int i = 0; i < 10_000; i++) {
      String line = traffic.line();
      assertEquals(line, again.line());
      JsonNode event = json.readTree(line);
      assertTrue(event.hasNonNull("user") && event.hasNonNull("ip") && event.has("attempts"), line);
      attacks += event.get("user").asText().startsWith("mallory-") ? 1 : 0;
    }
    assertTrue(attacks > 50 && attacks < 150, "about 1% attacks: " + attacks);
  }
}
