package dev.ben.streams.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.testing.AuthProject;
import java.util.List;
import java.util.Map;
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
    assertEquals(0, decisions.get("playbooks").size(), "the spine alone fires no playbook");
  }

  @Test
  void aDetectedEventCarriesItsPlaybooksAsBenctlTestNamesThem() throws Exception {
    ContractSlot slot = AuthProject.slot(AuthProject.v1(), 3);
    Envelope evaluated =
        AuthProject.evaluated(
            slot,
            "ev-3",
            1_714_561_200_000L,
            "{\"ts\":\"2024-05-01T11:00:00Z\",\"tenant\":\"acme\",\"user\":\"mallory\","
                + "\"ip\":\"203.0.113.66\",\"country\":\"IR\",\"attempts\":7}");
    PlaybookOutcome fired =
        new PlaybookOutcome(
            "lockout",
            PlaybookOutcome.Status.FIRED,
            "",
            "v3",
            "sha256:00",
            1_714_561_200_000L,
            "brute_force",
            "too many failed bursts",
            "lock_account",
            Map.of("user", "mallory"),
            List.of(),
            List.of("brute_force"),
            Map.of(),
            Map.of());
    Envelope detected =
        evaluated.detected(
            new Envelope.Evaluation(
                3,
                evaluated
                    .evaluation()
                    .result()
                    .withDetection(new Detection(Map.of(), List.of(fired), null))));
    JsonNode playbooks =
        JSON.readTree(LiveEventJson.render(JSON, detected)).get("decisions").get("playbooks");
    assertEquals(
        JSON.readTree(
            "[{\"playbook\":\"lockout\",\"status\":\"FIRED\",\"signal\":\"lock_account\","
                + "\"explanation\":\"too many failed bursts\",\"reason\":\"\"}]"),
        playbooks);
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
