package dev.ben.streams.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.testing.AuthProject;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveEventJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDecidedEventCarriesItsRulesActionFactsAndRedactedFields() throws Exception {
    ContractSlot slot = AuthProject.slot(AuthProject.v1(), 3);
    Envelope event =
        AuthProject.evaluated(
            slot,
            "ev-1",
            1_714_561_200_000L,
            "{\"ts\":\"2024-05-01T11:00:00Z\",\"tenant\":\"acme\",\"user\":\"mallory\","
                + "\"email\":\"m@example.com\",\"ip\":\"203.0.113.66\",\"country\":\"IR\","
                + "\"attempts\":7}");
    List<String> redacted = LiveEventJson.redactedFields(slot.held(3).orElseThrow(), "login");
    assertEquals(List.of("card", "email"), redacted);
    JsonNode message = JSON.readTree(LiveEventJson.render(JSON, event, redacted));
    assertEquals("ev-1", message.get("event_id").asText());
    JsonNode decisions = message.get("decisions");
    assertEquals(JSON.readTree("[\"brute_force\"]"), decisions.get("rules"));
    assertEquals("flag", decisions.get("action").asText());
    assertEquals("WARM", decisions.get("facts").get("attempts_level").asText());
    assertEquals(JSON.readTree("[\"card\",\"email\"]"), decisions.get("redacted"));
    assertEquals(3, decisions.get("contract_version").asLong());
  }

  @Test
  void anUndecidedEventHasNoDecisions() throws Exception {
    Envelope event =
        new Envelope("ev-2", "demo", "web", 5, (ObjectNode) JSON.readTree("{\"a\":1}"));
    JsonNode message = JSON.readTree(LiveEventJson.render(JSON, event));
    assertFalse(message.has("decisions"));
    assertEquals(1, message.get("body").get("a").asInt());
  }
}
