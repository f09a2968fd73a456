package dev.ben.streams.store.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.streams.flow.Envelope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawEventTableTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode row(Envelope envelope) throws Exception {
    return JSON.readTree(RawEventTable.rows(List.of(envelope), JSON).get(0));
  }

  @Test
  void aPassThroughEventIsStoredAsSentWithNoVersionOrDecision() throws Exception {
    JsonNode row =
        row(
            new Envelope(
                "e1", "demo", "shop", 0, JsonNodeFactory.instance.objectNode().put("a", 1)));
    assertEquals("{\"a\":1}", row.get("body").asText());
    assertEquals(0, row.get("contract_version").asLong());
    assertEquals("", row.get("decision").asText());
    assertEquals("1970-01-01 00:00:00", row.get("received_at").asText());
  }

  @Test
  void anEvaluatedEventCarriesItsVersionAndDecisionsWithoutRepeatingTheRedactedBody()
      throws Exception {
    var result =
        new EvaluationResult(
            "ping",
            List.of("big"),
            List.of("flag_big"),
            "flag",
            Map.of(),
            Map.of("id", "e2", "email", "****"),
            Map.of(),
            List.of(),
            null,
            null);
    Envelope evaluated =
        new Envelope("e2", "pings", "shop", 0, JsonNodeFactory.instance.objectNode())
            .evaluated(JSON.valueToTree(result.redacted()), new Envelope.Evaluation(3, result));
    JsonNode row = row(evaluated);
    assertEquals(3, row.get("contract_version").asLong());
    JsonNode decision = JSON.readTree(row.get("decision").asText());
    assertEquals("flag_big", decision.get("rules").get(0).asText());
    assertFalse(decision.has("redacted"), decision.toString());
    assertEquals("****", JSON.readTree(row.get("body").asText()).get("email").asText());
  }
}
