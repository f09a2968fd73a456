package dev.ben.actors.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.api.control.DetectorValue;
import dev.ben.api.control.InvokeReply;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.streams.flow.Envelope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeRepliesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InvokeReplies replies = new InvokeReplies(JSON);

  @Test
  void theHttpBodyIsTheEventsIdsAndEveryDecisionButTheRedactedEventInTheSpinesOrder()
      throws Exception {
    InvokeOutcome.Decided decided = decided(0);
    JsonNode body = JSON.readTree(replies.json(decided));

    ObjectNode expected = JSON.createObjectNode().put("event_id", "e-1").put("pipeline", "auth");
    expected.put("contract_version", 7);
    ObjectNode decisions = JSON.valueToTree(decided.evaluation().result());
    decisions.remove("redacted");
    expected.setAll(decisions);
    assertEquals(expected, body);
    assertEquals(names(expected), names(body), "the fields keep their order");
    assertFalse(body.has("redacted"), "the redacted event goes to the store, not to the caller");
    assertFalse(body.has("unconfirmed"), "nothing is said about confirmation when all were");
    assertTrue(body.path("score").isNull(), "a score nobody computed is null, not left out");
  }

  @Test
  void anUnconfirmedEventIsSaidSoWithTheWarningEveryIngestAnswerGives() throws Exception {
    JsonNode body = JSON.readTree(replies.json(decided(1)));
    ObjectNode said = JSON.createObjectNode();
    InvokeReplies.unconfirmed(said, 1);
    JsonNode report = JSON.readTree(JSON.writeValueAsBytes(said));
    assertEquals(report.get("unconfirmed"), body.get("unconfirmed"));
    assertEquals(report.get("warning"), body.get("warning"));
  }

  @Test
  void theGrpcReplyCarriesWhatTheHttpBodySays() throws Exception {
    InvokeOutcome.Decided decided = decided(1);
    JsonNode body = JSON.readTree(replies.json(decided));
    InvokeReply reply = replies.reply(decided);

    assertEquals(body.get("event_id").asText(), reply.getEventId());
    assertEquals(body.get("pipeline").asText(), reply.getPipeline());
    assertEquals(body.get("contract_version").asLong(), reply.getContractVersion());
    assertEquals(body.get("schema").asText(), reply.getSchema());
    assertEquals(body.get("action").asText(), reply.getAction());
    assertEquals(List.of("failed", "burst"), reply.getBitsList());
    assertEquals(List.of("lockout"), reply.getRulesList());
    assertEquals(Map.of("user", "ann", "country", ""), reply.getFactsMap());
    assertEquals(2, reply.getDetectorsCount());
    DetectorValue ewma = reply.getDetectors(0);
    assertEquals("rate.ewma", ewma.getName());
    assertEquals(2.5, ewma.getValue());
    assertFalse(reply.getDetectors(1).hasValue(), "a detector without a value has none");
    assertEquals(body.get("playbooks"), JSON.readTree(reply.getPlaybooksJson()));
    assertEquals("lock", JSON.readTree(reply.getPlaybooksJson()).get(0).get("playbook").asText());
    assertFalse(reply.hasScore());
    assertEquals(1, reply.getUnconfirmed());
    assertEquals(body.get("warning").asText(), reply.getWarning());
  }

  private static InvokeOutcome.Decided decided(long unconfirmed) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("user", "ann");
    facts.put("country", null);
    Map<String, Double> detectors = new LinkedHashMap<>();
    detectors.put("rate.ewma", 2.5);
    detectors.put("rate.cusum", null);
    PlaybookOutcome lock =
        new PlaybookOutcome(
            "lock",
            PlaybookOutcome.Status.FIRED,
            "admitted",
            "7",
            "f-1",
            1_714_557_600_000L,
            "rate.ewma > 2",
            "too many failures",
            "locked",
            Map.of("minutes", 15),
            List.of("failed"),
            List.of("lockout"),
            Map.of("rate.ewma", 2.5),
            Map.of("user", "ann"));
    EvaluationResult result =
        new EvaluationResult(
            "login",
            List.of("failed", "burst"),
            List.of("lockout"),
            "block",
            facts,
            Map.of("user", "a***", "password", "[redacted]"),
            detectors,
            List.of(lock),
            null,
            null);
    Envelope event =
        new Envelope("e-1", "auth", "shop", 0, JSON.createObjectNode().put("user", "ann"));
    return new InvokeOutcome.Decided(event, new Envelope.Evaluation(7, result), unconfirmed);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
